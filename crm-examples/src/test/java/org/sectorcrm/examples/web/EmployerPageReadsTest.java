package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.testing.TestDatabase;

/**
 * The employer page reads the storage a fixed number of times whatever the employer's size (docs/web.md): no read per
 * contact, engagement, need or referral (an N+1 would show as more reads for the bigger employer). Every read the page's
 * request makes through the storage SPI is counted: record finds, queries, counts and searches, audit queries and report
 * queries, on a real SQLite file behind the real server. And since it reads a bounded number of each kind, a page that
 * cannot show everything says what it shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmployerPageReadsTest {
    private static final Set<String> READS = Set.of("find", "query", "count", "search", "history", "timeline");
    private final TestDatabase database = TestDatabase.sqlite();
    private final AtomicInteger reads = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private CrmApplication app;
    private String base;
    private String sid;
    private CrmSession ann;
    private Partner college;

    @BeforeAll
    void start() throws Exception {
        database.start("employer-page-reads");
        StorageFactory.Opened opened = StorageFactory.open(database.url().substring("jdbc:sqlite:".length()));
        StorageFactory.Opened counted = new StorageFactory.Opened(counting(opened.storage()), opened.accountsJdbcUrl(), opened.description(),
                opened.dialect(), opened.sqliteFile());
        app = new CrmApplication(counted, Clock.systemUTC());
        StaffUser admin = app.initialise(WebFixture.PASSWORD.toCharArray(), WebFixture.ADMIN, false, 1);
        ann = app.crm().as(admin);
        college = ann.reference().partners().create(Partner.named("Rock Valley College", PartnerKind.COMMUNITY_COLLEGE));
        base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
        sid = WebFixture.sessionId(http, base, WebFixture.ADMIN);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        database.stop();
    }

    @Test
    void aBigEmployersPageReadsAsOftenAsASmallOnes() throws Exception {
        Employer small = employerWith("Small Shop Tooling", 1);
        Employer big = employerWith("Big Plant Manufacturing", 25);
        page(small); // the first request warms what is read once per server (reference data caches, templates)

        int smallReads = page(small);
        int bigReads = page(big);

        assertThat(smallReads).as("reads of the small employer's page").isPositive();
        assertThat(bigReads).as("reads of a page with 25 times the records (an N+1 shows here)").isEqualTo(smallReads);
    }

    @Test
    void aPageThatCannotShowEverythingSaysWhatItShows() throws Exception {
        Employer busy = ann.employers().create(Employer.named("Busy Foundry Works"));
        LocalDate today = LocalDate.now(Clock.systemUTC());
        for (int i = 0; i <= 100; i++) { // one more than the timeline holds
            ann.engagements().create(Engagement.of(busy.id(), ann.actor().partner(), ann.actor().user(), today.minusDays(i), Channel.CALL, "Call " + i));
        }
        String body = get(busy).body();
        assertThat(body).contains("id=\"timeline-cut\"").contains("the newest 100 engagements").doesNotContain("the first 200 contacts");
        assertThat(get(employerWith("Quiet Tooling", 2)).body()).doesNotContain("timeline-cut");
    }

    private Employer employerWith(String name, int n) {
        Employer e = ann.employers().create(Employer.named(name));
        LocalDate today = LocalDate.now(Clock.systemUTC());
        for (int i = 0; i < n; i++) {
            ann.contacts().create(Contact.of(e.id(), "Pat" + i, "Lee"));
            ann.engagements().create(Engagement.of(e.id(), ann.actor().partner(), ann.actor().user(), today.minusDays(i), Channel.CALL, "Call " + i));
            ann.needs().create(BusinessNeed.raised(e.id(), NeedCategory.HIRING, "Need " + i, Urgency.MEDIUM, today.minusDays(i)));
            ann.referrals().create(Referral.sent(ann.actor().partner(), ann.actor().user(), college.id(), e.id(), "Service " + i, today, null));
        }
        return e;
    }

    /** The reads the storage served for one GET of the employer's page. */
    private int page(Employer e) throws Exception {
        reads.set(0);
        get(e);
        return reads.get();
    }

    private HttpResponse<String> get(Employer e) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/employers/" + e.id().asString()))
                .header("Cookie", ApiServer.SESSION_COOKIE + "=" + sid).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains(e.legalName());
        return page;
    }

    /** The storage, with every read made through any transaction it hands out counted (the outbox poller's event reads aside). */
    private CrmStorage counting(CrmStorage storage) {
        return new CrmStorage() {
            @Override
            public <R> R inTransaction(TransactionWork<R> work) {
                return storage.inTransaction(tx -> work.run(counted(tx)));
            }

            @Override
            public <R> R read(TransactionWork<R> work) {
                return storage.read(tx -> work.run(counted(tx)));
            }

            @Override
            public <I extends org.sectorcrm.core.Id, T extends org.sectorcrm.core.Aggregate<I>, F> java.util.Optional<T> find(
                    org.sectorcrm.core.type.AggregateType<I, T, F> type, I id) {
                reads.incrementAndGet();
                return storage.find(type, id);
            }

            @Override
            public Set<org.sectorcrm.core.spi.Capability> capabilities() {
                return storage.capabilities();
            }

            @Override
            public void close() {
                storage.close();
            }
        };
    }

    private StorageTransaction counted(StorageTransaction tx) {
        return proxy(StorageTransaction.class, tx, (target, method, args) -> {
            Object result = call(target, method, args);
            return switch (method.getName()) {
            case "audit", "reports" -> proxy(method.getReturnType(), result, (t, m, a) -> count(t, m, a));
            case "events" -> result;
            default -> result instanceof org.sectorcrm.core.spi.AggregateStore<?, ?, ?> ? proxy(org.sectorcrm.core.spi.AggregateStore.class, result,
                    (t, m, a) -> count(t, m, a)) : result;
            };
        });
    }

    private Object count(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        if (READS.contains(method.getName()) || method.getDeclaringClass() == org.sectorcrm.core.spi.ReportQueries.class) {
            reads.incrementAndGet();
        }
        return call(target, method, args);
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler h = (p, m, a) -> handler.handle(target, m, a);
        return type.cast(Proxy.newProxyInstance(EmployerPageReadsTest.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
