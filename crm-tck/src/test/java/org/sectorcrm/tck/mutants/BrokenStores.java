package org.sectorcrm.tck.mutants;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.EmployerStore;
import org.sectorcrm.core.spi.TransactionWork;

/**
 * Mutants of the in-memory reference store, each broken in exactly one family of the storage contract, in the way
 * a real implementation tends to break it. The kit must catch every one.
 */
final class BrokenStores {
    private BrokenStores() {
    }

    /** Saves over whatever version is stored, whatever version the caller expected: lost updates. */
    static final class IgnoresExpectedVersion extends ForwardingCrmStorage {
        IgnoresExpectedVersion() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected EmployerStore employers(EmployerStore store) {
            return new ForwardingEmployerStore(store) {
                @Override
                public void save(Employer e, long expectedVersion) {
                    Optional<Employer> current = expectedVersion > 0 ? store.find(e.id()) : Optional.empty();
                    if (current.isEmpty()) {
                        store.save(e, expectedVersion);
                        return;
                    }
                    long stored = current.get().version();
                    Stamp s = e.stamp();
                    store.save(e.withStamp(new Stamp(stored + 1, s.createdAt(), s.updatedAt(), s.createdBy())), stored);
                }
            };
        }
    }

    /** A page after a cursor starts at the cursor row instead of after it (">=" for ">"): a row twice across pages. */
    static final class RepeatsRowAcrossPages extends ForwardingCrmStorage {
        RepeatsRowAcrossPages() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected EmployerStore employers(EmployerStore store) {
            return new ForwardingEmployerStore(store) {
                @Override
                public Page<Employer> query(EmployerFilter filter, PageRequest page) {
                    Page<Employer> p = store.query(filter, page);
                    if (page.after() == null) {
                        return p;
                    }
                    Optional<Employer> cursorRow = store.find(EmployerId.of(page.after())).filter(filter::matches);
                    if (cursorRow.isEmpty()) {
                        return p;
                    }
                    List<Employer> items = new ArrayList<>(p.items());
                    items.add(0, cursorRow.get());
                    if (items.size() <= page.limit()) {
                        return new Page<>(items, p.nextCursor());
                    }
                    List<Employer> kept = items.subList(0, page.limit());
                    return new Page<>(kept, kept.get(kept.size() - 1).id().asString());
                }
            };
        }
    }

    /** Every page after the first loses its first row (an off-by-one in an OFFSET computation): rows go missing. */
    static final class SkipsRowAcrossPages extends ForwardingCrmStorage {
        SkipsRowAcrossPages() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected EmployerStore employers(EmployerStore store) {
            return new ForwardingEmployerStore(store) {
                @Override
                public Page<Employer> query(EmployerFilter filter, PageRequest page) {
                    Page<Employer> p = store.query(filter, page);
                    if (page.after() == null || p.items().isEmpty()) {
                        return p;
                    }
                    return new Page<>(p.items().subList(1, p.items().size()), p.items().size() > 1 ? p.nextCursor() : null);
                }
            };
        }
    }

    /**
     * When the work throws, the first employer it saved is written anyway (as an auto-committed statement
     * outside the transaction would be): a partial write after a failed transaction.
     */
    static final class LeavesPartialWrite extends ForwardingCrmStorage {
        private final ThreadLocal<AtomicReference<Runnable>> firstSave = new ThreadLocal<>();

        LeavesPartialWrite() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            if (firstSave.get() != null) {
                return delegate.inTransaction(tx -> work.run(wrap(tx)));
            }
            AtomicReference<Runnable> replay = new AtomicReference<>();
            firstSave.set(replay);
            try {
                return delegate.inTransaction(tx -> work.run(wrap(tx)));
            } catch (RuntimeException e) {
                Runnable r = replay.get();
                if (r != null) {
                    try {
                        r.run();
                    } catch (RuntimeException ignored) {
                        // the leak is best effort, like the bug it imitates
                    }
                }
                throw e;
            } finally {
                firstSave.remove();
            }
        }

        @Override
        protected EmployerStore employers(EmployerStore store) {
            AtomicReference<Runnable> replay = firstSave.get();
            return new ForwardingEmployerStore(store) {
                @Override
                public void save(Employer e, long expectedVersion) {
                    store.save(e, expectedVersion);
                    if (replay != null && replay.get() == null) {
                        replay.set(() -> delegate.inTransaction(tx -> {
                            tx.employers().save(e, expectedVersion);
                            return null;
                        }));
                    }
                }
            };
        }
    }

    /** Queries and counts ignore {@link EmployerFilter#status()} (a WHERE clause forgotten). */
    static final class IgnoresStatusFilter extends ForwardingCrmStorage {
        IgnoresStatusFilter() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected EmployerStore employers(EmployerStore store) {
            return new ForwardingEmployerStore(store) {
                @Override
                public Page<Employer> query(EmployerFilter filter, PageRequest page) {
                    return store.query(filter.withStatus(null), page);
                }

                @Override
                public long count(EmployerFilter filter) {
                    return store.count(filter.withStatus(null));
                }
            };
        }
    }

    /** Establishments lose their state UI account number (a column missing from the mapping). */
    static final class DropsUiAccountNumber extends ForwardingCrmStorage {
        DropsUiAccountNumber() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected EmployerStore employers(EmployerStore store) {
            return new ForwardingEmployerStore(store) {
                @Override
                public void save(Employer e, long expectedVersion) {
                    List<Establishment> sites = e.establishments().stream()
                            .map(s -> new Establishment(s.id(), s.name(), s.address(), s.county(), null, s.naics(), s.primary())).toList();
                    store.save(e.withEstablishments(sites), expectedVersion);
                }
            };
        }
    }

    /** Delete checks the version and then does nothing (a soft-delete flag set but never read). */
    static final class DeleteDoesNotDelete extends ForwardingCrmStorage {
        DeleteDoesNotDelete() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected EmployerStore employers(EmployerStore store) {
            return new ForwardingEmployerStore(store) {
                @Override
                public void delete(EmployerId id, long expectedVersion) {
                    Employer stored = store.find(id).orElseThrow(() -> new NotFoundException("employer", id));
                    if (stored.version() != expectedVersion) {
                        throw ConflictException.staleVersion("employer", id, expectedVersion, stored.version());
                    }
                }
            };
        }
    }

    /** Employer search looks at the legal name and tags but not at the trade names (an index missing a column). */
    static final class SearchMissesTradeNames extends ForwardingCrmStorage {
        SearchMissesTradeNames() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected EmployerStore employers(EmployerStore store) {
            return new ForwardingEmployerStore(store) {
                @Override
                public Page<Employer> search(SearchTerms terms, PageRequest page) {
                    Page<Employer> p = store.search(terms, page);
                    List<Employer> kept = p.items().stream().filter(e -> terms.matches(e.legalName() + "\n" + String.join("\n", e.tags()))).toList();
                    return new Page<>(kept, kept.isEmpty() ? null : p.nextCursor() == null ? null : kept.get(kept.size() - 1).id().asString());
                }
            };
        }
    }
}
