package org.sectorcrm.examples;

import java.time.Clock;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.accounts.PasswordPolicy;
import org.sectorcrm.examples.demo.DemoData;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.server.SecurityHeaders;

/** The standalone program's parts wired together: store, application API, accounts and (when started) the HTTP server. */
public final class CrmApplication implements AutoCloseable {
    public static final String ADMIN_PASSWORD_ENV = "SECTORCRM_ADMIN_PASSWORD";

    private final StorageFactory.Opened opened;
    private final Crm crm;
    private final Accounts accounts;
    private ApiServer server;

    public CrmApplication(StorageFactory.Opened opened, Clock clock) {
        this.opened = opened;
        this.crm = Crm.builder().storage(opened.storage()).clock(clock).build();
        this.accounts = new Accounts(opened.accountsJdbcUrl(), clock);
    }

    /** Wires the parts on an opened store; closes the store when the accounts tables cannot be opened. */
    public static CrmApplication open(StorageFactory.Opened opened, Clock clock) {
        try {
            return new CrmApplication(opened, clock);
        } catch (RuntimeException e) {
            opened.storage().close();
            throw e;
        }
    }

    public Crm crm() {
        return crm;
    }

    public Accounts accounts() {
        return accounts;
    }

    public StorageFactory.Opened storage() {
        return opened;
    }

    public boolean isEmpty() {
        return crm.storage().read(tx -> tx.staffUsers().count(StaffUserFilter.ALL)) == 0;
    }

    /**
     * On an empty database: creates the first partner and its admin with {@code password} (or the demo region, whose
     * admin gets it). Refuses without a password: there is never a default one.
     */
    public StaffUser initialise(char[] password, String adminEmail, boolean demo, long seed) {
        if (!isEmpty()) {
            throw new IllegalStateException("the database already has staff users");
        }
        if (password == null || password.length == 0) {
            throw new IllegalStateException("this database is empty and needs its first admin: pass --admin-password or set "
                    + ADMIN_PASSWORD_ENV + " (there is no default password)");
        }
        String problem = PasswordPolicy.problemWith(password);
        if (problem != null) {
            throw ValidationException.of("credentials", "password", "the admin password " + problem);
        }
        StaffUser admin = demo
                ? new DemoData(seed).load(crm.storage(), adminEmail)
                : crm.bootstrap(Partner.named("Regional Workforce Board", PartnerKind.WORKFORCE_BOARD), "Administrator", adminEmail);
        accounts.setPassword(admin.id(), admin.email().value(), password);
        return admin;
    }

    /** The staff user with this e-mail (for command-line jobs). */
    public StaffUser user(String email) {
        return crm.storage().read(tx -> tx.staffUsers().query(StaffUserFilter.byEmail(org.sectorcrm.core.reference.EmailAddress.parse(email)),
                PageRequest.first(1))).items().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no staff user has the e-mail " + email));
    }

    public ApiServer start(String host, int port) {
        return start(host, port, ApiServer.DEFAULT_UID_DOMAIN);
    }

    /** @param uidDomain the host name in calendar event UIDs ({@code <id>@<uidDomain>}) */
    public ApiServer start(String host, int port, String uidDomain) {
        return start(host, port, uidDomain, false);
    }

    /** @param behindHttpsProxy whether a TLS-terminating proxy's {@code X-Forwarded-Proto} is trusted ({@link SecurityHeaders}) */
    public ApiServer start(String host, int port, String uidDomain, boolean behindHttpsProxy) {
        server = new ApiServer(crm, accounts, uidDomain, new SecurityHeaders(behindHttpsProxy)).start(host, port);
        return server;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
        accounts.close();
        opened.storage().close();
    }
}
