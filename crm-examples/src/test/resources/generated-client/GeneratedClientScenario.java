package org.example.sectorcrm.client.scenario;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.example.sectorcrm.client.ApiClient;
import org.example.sectorcrm.client.ApiException;
import org.example.sectorcrm.client.ApiResponse;
import org.example.sectorcrm.client.api.AuthApi;
import org.example.sectorcrm.client.api.ContactsApi;
import org.example.sectorcrm.client.api.EmployersApi;
import org.example.sectorcrm.client.model.Address;
import org.example.sectorcrm.client.model.Contact;
import org.example.sectorcrm.client.model.Employer;
import org.example.sectorcrm.client.model.EmployerPage;
import org.example.sectorcrm.client.model.EmployerPatch;
import org.example.sectorcrm.client.model.EmployerStatus;
import org.example.sectorcrm.client.model.Establishment;
import org.example.sectorcrm.client.model.LoggedIn;
import org.example.sectorcrm.client.model.Login;
import org.example.sectorcrm.client.model.Problem;
import org.example.sectorcrm.client.model.ProblemErrorsInner;

/**
 * What an integrator does with the Java client openapi-generator writes from the served document, written against
 * the generated classes only (compiled with them by GeneratedClientTest, which runs {@link #run}). Each step that
 * passes is added to the answer; a step that does not throws, naming what it saw.
 */
public final class GeneratedClientScenario {
    private GeneratedClientScenario() {
    }

    public static List<String> run(String base, String email, String password) throws Exception {
        List<String> steps = new ArrayList<>();
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        client.setHttpClientBuilder(HttpClient.newBuilder().cookieHandler(new CookieManager())); // the session cookie
        LoggedIn me = new AuthApi(client).login(new Login().email(email).password(password));
        check(me.getUser() != null && "ADMIN".equals(me.getRole()), "login answers the admin: " + me);
        steps.add("login");

        EmployersApi employers = new EmployersApi(client);
        Set<UUID> created = new HashSet<>();
        for (String name : List.of("Ashford Tooling", "Birchwood Bakery", "Cobalt Optics", "Dunmore Freight", "Elmstead Plastics")) {
            created.add(employers.createEmployer(new Employer().legalName(name).status(EmployerStatus.ACTIVE), null).getId());
        }
        Set<UUID> seen = new HashSet<>();
        int pages = 0;
        String after = null;
        do {
            EmployerPage page = employers.listEmployer(null, null, null, null, null, null, null, null, null, after, 2);
            for (Employer e : page.getItems()) {
                check(seen.add(e.getId()), "employer " + e.getId() + " on two pages");
            }
            after = page.getNext();
            pages++;
        } while (after != null);
        check(seen.containsAll(created) && pages >= 3, "paging by 2 saw " + seen.size() + " employers on " + pages + " pages");
        steps.add("pages");

        Employer draft = new Employer().legalName("Fairview Fasteners").status(EmployerStatus.PROSPECT).website(URI.create("https://fairview.example"))
                .addEstablishmentsItem(new Establishment().name("Main plant").primary(true)
                        .address(new Address().street("12 Mill Rd").city("Rockford").state("IL").zip("61104")));
        ApiResponse<Employer> answer = employers.createEmployerWithHttpInfo(draft, true);
        Employer stored = answer.getData();
        UUID id = stored.getId();
        String etag = header(answer, "ETag");
        check(answer.getStatusCode() == 201 && stored.getId() != null && header(answer, "Location").endsWith("/" + id),
                "create answers 201 with the id and its Location");
        steps.add("create");

        ApiResponse<Employer> patched = employers.patchEmployerWithHttpInfo(id, etag, new EmployerPatch().website(null).employees(42));
        check(patched.getData().getWebsite() == null && Integer.valueOf(42).equals(patched.getData().getEmployees())
                && "Fairview Fasteners".equals(patched.getData().getLegalName()), "PATCH changed only what it named: " + patched.getData());
        check(!header(patched, "ETag").equals(etag), "PATCH answers the new ETag");
        steps.add("patch");

        try {
            employers.patchEmployer(id, etag, new EmployerPatch().employees(7));
            throw new AssertionError("a stale If-Match was accepted");
        } catch (ApiException e) {
            check(e.getCode() == 412, "a stale If-Match answers " + e.getCode());
        }
        steps.add("stale 412");

        try {
            employers.createEmployer(new Employer().legalName(" ").status(EmployerStatus.ACTIVE).fein("07-1234567")
                    .addEstablishmentsItem(new Establishment().name("Yard").primary(true).address(new Address().zip("6110"))), true);
            throw new AssertionError("an invalid employer was created");
        } catch (ApiException e) {
            check(e.getCode() == 400, "a bad body answers " + e.getCode());
            Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
            Set<String> fields = new HashSet<>();
            for (ProblemErrorsInner error : problem.getErrors()) {
                fields.add(error.getField());
            }
            check(fields.containsAll(Set.of("employer.legalName", "employer.fein", "employer.establishments[0].address.zip")),
                    "the problem names every bad field: " + fields);
        }
        steps.add("problem fields");

        // a contact is read in the shape it is written: what GET answered goes back unchanged in a PUT
        ContactsApi contacts = new ContactsApi(client);
        Contact person = contacts.createContact(new Contact().employer(id).firstName("Rosa").lastName("Diaz").email("rosa.diaz@fairview.example")
                .active(true));
        ApiResponse<Contact> read = contacts.getContactWithHttpInfo(person.getId());
        Contact replaced = contacts.updateContact(person.getId(), header(read, "ETag"), read.getData().title("Plant manager"));
        check("Plant manager".equals(replaced.getTitle()) && "rosa.diaz@fairview.example".equals(replaced.getEmail())
                && replaced.getMasked() == null, "the contact read and sent back was replaced: " + replaced);
        steps.add("contact round trip");
        return steps;
    }

    private static String header(ApiResponse<?> answer, String name) {
        List<String> values = answer.getHeaders().get(name);
        if (values == null || values.isEmpty()) {
            values = answer.getHeaders().get(name.toLowerCase(java.util.Locale.ROOT));
        }
        check(values != null && !values.isEmpty(), "no " + name + " header in " + answer.getHeaders().keySet());
        return values.get(0);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
