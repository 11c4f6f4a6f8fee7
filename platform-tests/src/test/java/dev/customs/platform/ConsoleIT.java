package dev.customs.platform;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.localstack.Platform;
import dev.customs.localstack.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.customs.platform.TestPlatforms.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The browser console in Debian's Chromium, driven by Playwright, against the packaged platform and the real
 * Keycloak: each demo user logs in through Keycloak's own form (authorization code with PKCE), sees its role's
 * pages with the same figures the APIs answer, and is refused the other roles' pages. Screenshots of every
 * step go to platform-tests/target/console-screenshots, so a failure in CI can be looked at.
 */
class ConsoleIT {

    private static final Path SCREENSHOTS = TestPlatforms.root().resolve("platform-tests/target/console-screenshots");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    private static final Duration UI_WAIT = Duration.ofSeconds(30);
    private static final String ZONE = "8013";
    private static final String MONTH = "2025-06";

    private static Platform platform;
    private static Playwright playwright;
    private static Browser browser;
    /** What the seeded declarations add up to, summed here from the amounts filed (CNY, so value = valueCny). */
    private static BigDecimal juneImports = BigDecimal.ZERO;
    private static BigDecimal juneExports = BigDecimal.ZERO;
    private static BigDecimal zoneTotal = BigDecimal.ZERO;
    private static int filed;

    static {
        // Every Playwright assertion waits as long as the pages may take to load and refresh.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(UI_WAIT.toMillis());
    }

    private BrowserContext context;
    private Page page;
    private String testName;

    @RegisterExtension
    static final ServiceLogsOnFailure SERVICE_LOGS = new ServiceLogsOnFailure(() -> platform);

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (see .ci/run) or set CHROMIUM");
        }
        platform = TestPlatforms.startWithConsole("console");
        // The client's own browser download cannot work here; it drives the system's Chromium.
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        seed();
    }

    /** Declarations in May and June 2025, inside area 8013 (first and second line) and outside any area. */
    private static void seed() {
        file(LocalDate.of(2025, 5, 20), Direction.IMPORT, null, null, "700.00");
        file(LocalDate.of(2025, 6, 2), Direction.IMPORT, ZONE, ZoneFlow.FIRST_LINE, "1500.25");
        file(LocalDate.of(2025, 6, 3), Direction.EXPORT, ZONE, ZoneFlow.FIRST_LINE, "2400.50");
        file(LocalDate.of(2025, 6, 4), Direction.IMPORT, ZONE, ZoneFlow.SECOND_LINE, "310.10");
        file(LocalDate.of(2025, 6, 5), Direction.EXPORT, null, null, "999.99");
        awaitApplied(filed);
    }

    private static String file(LocalDate date, Direction direction, String zone, ZoneFlow flow, String value) {
        BigDecimal amount = new BigDecimal(value);
        String id = as(Tokens.DECLARANT).contentType(ContentType.JSON)
                .body(PipelineIT.restDeclaration(date, direction, zone, flow, amount))
                .post(url(Platform.DECLARATION_SERVICE) + "/api/declarations")
                .then().statusCode(201).extract().path("declarationId");
        filed++;
        boolean national = flow == null || flow == ZoneFlow.FIRST_LINE;
        if (date.toString().startsWith(MONTH) && national) {
            if (direction == Direction.IMPORT) {
                juneImports = juneImports.add(amount);
            } else {
                juneExports = juneExports.add(amount);
            }
        }
        if (ZONE.equals(zone) && date.getYear() == 2025) {
            zoneTotal = zoneTotal.add(amount);
        }
        return id;
    }

    private static void awaitApplied(int declarations) {
        for (String service : List.of(Platform.ZONE_SERVICE, Platform.STATISTICS_SERVICE)) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> as(Tokens.OPERATOR).get(url(service) + "/api/ingest/status")
                    .then().statusCode(200).body("declarations", equalTo(declarations)));
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            shot("last");
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theAnalystSeesTheMonthAsTheApiAnswersItAndItRefreshesWithoutReload(TestInfo info) {
        login(info, Tokens.ANALYST);
        assertThat(page.locator("#nav a")).hasText(new String[] {"Overview", "Breakdowns"});
        page.locator("#month").fill(MONTH);
        JsonPath report = api(Tokens.ANALYST, Platform.STATISTICS_SERVICE, "/api/statistics/monthly-report?month=" + MONTH);
        assertThat(report.getObject("currentMonth.importCny", BigDecimal.class)).isEqualByComparingTo(juneImports);
        assertThat(report.getObject("currentMonth.exportCny", BigDecimal.class)).isEqualByComparingTo(juneExports);
        assertFigure("#month-total", report.getString("currentMonth.totalCny"));
        assertFigure("#month-import", report.getString("currentMonth.importCny"));
        assertFigure("#month-export", report.getString("currentMonth.exportCny"));
        assertFigure("#month-declarations", report.getString("currentMonth.declarations"));
        assertFigure("#ytd-total", report.getString("yearToDate.totalCny"));
        JsonPath totals = api(Tokens.ANALYST, Platform.STATISTICS_SERVICE, "/api/statistics/totals?from=2025-06-01&to=2025-06-30");
        assertFigure("#month-balance", totals.getString("balanceCny"));
        assertFigure("#month-share", totals.getString("zoneShare"));
        JsonPath series = api(Tokens.ANALYST, Platform.STATISTICS_SERVICE, "/api/statistics/series?from=2025-05-01&to=2025-06-30");
        assertFigure("#month-mom", series.getString("find { it.month == '2025-06' }.momTotalCny"));
        // June over May, computed here: (1500.25 + 2400.50 + 999.99) / 700.00 - 1, to four decimals.
        assertThat(page.locator("#month-mom").getAttribute("data-value")).isEqualTo("6.0011");
        assertThat(page.locator("#month-total .value")).hasText("CNY " + grouped(juneImports.add(juneExports)));
        assertThat(page.locator("#series-chart svg path").first()).isAttached();
        shot("overview");

        // Live: a declaration filed now shows in the figures without a reload.
        file(LocalDate.of(2025, 6, 20), Direction.EXPORT, null, null, "100.01");
        assertFigure("#month-total", juneImports.add(juneExports).toPlainString());
        shot("overview-refreshed");
    }

    @Test
    void theAnalystsTablesEqualTheApiDownloadAsCsvAndSwitchToChinese(TestInfo info) throws IOException {
        login(info, Tokens.ANALYST);
        page.navigate(consoleUrl() + "/#/breakdowns");
        page.locator("#from").fill("2025-01-01");
        page.locator("#to").fill("2025-12-31");
        JsonPath partners = api(Tokens.ANALYST, Platform.STATISTICS_SERVICE, "/api/statistics/partners?from=2025-01-01&to=2025-12-31&limit=20");
        Locator germany = page.locator("#partners-table tr:has(td[data-col=partnerCountry][data-value=DE]) td[data-col=totalCny]");
        assertThat(germany).hasAttribute("data-value", partners.getString("find { it.partnerCountry == 'DE' }.totalCny"));
        JsonPath modes = api(Tokens.ANALYST, Platform.STATISTICS_SERVICE, "/api/statistics/trade-modes?from=2025-01-01&to=2025-12-31");
        assertThat(page.locator("#trade-modes-table tbody tr")).hasCount(modes.getList("$").size());
        shot("breakdowns");

        Download download = page.waitForDownload(() -> page.locator("#partners-table").locator("xpath=..")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Download CSV")).click());
        assertThat(download.suggestedFilename()).isEqualTo("partners-2025-01-01-2025-12-31.csv");
        byte[] csv = Files.readAllBytes(download.path());
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("rank,partnerCountry");
        String germanyLine = lines.stream().filter(l -> l.contains(",DE,")).findFirst().orElseThrow();
        assertThat(germanyLine).contains(partners.getString("find { it.partnerCountry == 'DE' }.totalCny"));
        assertThat(lines).hasSize(1 + partners.getList("$").size());

        page.locator("#lang").click();
        assertThat(page.locator("#nav a")).hasText(new String[] {"总览", "分类统计"});
        assertThat(page.locator("#partners-table tr:has(td[data-value=DE]) td[data-col=name]")).hasText("德国");
        shot("breakdowns-zh");
        page.locator("#lang").click();
    }

    @Test
    void theAreaAdministratorSeesItsAreaItsRankAndTheProvincesButNotTheNationalPages(TestInfo info) {
        login(info, "admin-8013");
        assertThat(page.locator("#nav a")).hasText(new String[] {"My areas"});
        page.locator("#from").fill("2025-01-01");
        page.locator("#to").fill("2025-12-31");
        JsonPath totals = api("admin-8013", Platform.ZONE_SERVICE, "/api/zones/" + ZONE + "/totals?from=2025-01-01&to=2025-12-31");
        assertThat(totals.getObject("totalCny", BigDecimal.class)).isEqualByComparingTo(zoneTotal);
        assertFigure("#area-8013-total", totals.getString("totalCny"));
        assertFigure("#area-8013-declarations", totals.getString("declarations"));
        JsonPath ranking = api("admin-8013", Platform.ZONE_SERVICE, "/api/zones/ranking?from=2025-01-01&to=2025-12-31&limit=200");
        assertFigure("#area-8013-rank", ranking.getString("find { it.zoneCode == '8013' }.rank"));
        assertThat(page.locator("#flows-8013 tbody tr")).hasCount(totals.getList("byFlow").size());
        String province = api("admin-8013", Platform.ZONE_SERVICE, "/api/zones/" + ZONE).getString("province");
        // Only area 8013 traded, so its province's roll-up is its total, and every other province is zero.
        assertThat(page.locator("#provinces-table tbody tr").first().locator("td[data-col=province]")).hasAttribute("data-value", province);
        assertThat(page.locator("#provinces-table tbody tr").first().locator("td[data-col=totalCny]"))
                .hasAttribute("data-value", totals.getString("totalCny"));
        shot("areas");

        page.navigate(consoleUrl() + "/#/overview");
        assertThat(page.locator("main")).hasAttribute("data-forbidden", "true");
        assertThat(page.locator("main")).containsText("This page is not open to your role.");
        shot("areas-forbidden-overview");

        // Logging out ends the Keycloak session: the console asks for a login again.
        page.locator("#logout").click();
        page.waitForURL(Pattern.compile(".*/realms/customs/protocol/openid-connect/auth.*"));
        assertThat(page.locator("#username")).isVisible();
    }

    @Test
    void theDeclarantSeesFieldErrorsFilesAmendsAndCancels(TestInfo info) {
        login(info, Tokens.DECLARANT);
        assertThat(page.locator("#nav a")).hasText(new String[] {"Declarations"});
        Locator form = page.locator("#file-form");
        form.locator("[name=declarationDate]").fill("2025-07-08");
        form.locator("[name=direction]").selectOption("IMPORT");
        form.locator("[name=zoneCode]").fill(ZONE);
        form.locator("[name=zoneFlow]").selectOption("FIRST_LINE");
        form.locator("[name=tradeMode]").fill("5034");
        form.locator("[name=customsOffice]").fill(ZONE);
        form.locator("[name=declarantCode]").selectOption("91310000MA1FL0AB34");
        form.locator("[name=partnerCountry]").fill("XX");
        form.locator("[name=transportMode]").fill("2");
        form.locator("[name=currency]").fill("CNY");
        form.locator("[name='items[0].hsCode']").fill("7700000000");
        form.locator("[name='items[0].quantity']").fill("5");
        form.locator("[name='items[0].unit']").fill("台");
        form.locator("[name='items[0].value']").fill("-1");
        form.locator("button[type=submit]").click();
        assertThat(form.locator("[data-error-for='items[0].hsCode']")).hasText("HS chapter 77 does not exist or is reserved");
        assertThat(form.locator("[data-error-for=partnerCountry]")).not().isEmpty();
        assertThat(form.locator("[data-error-for='items[0].value']")).not().isEmpty();
        assertThat(form.locator("[name=partnerCountry]")).hasClass(Pattern.compile("invalid"));
        shot("declaration-field-errors");

        form.locator("[name=partnerCountry]").fill("DE");
        form.locator("[name='items[0].hsCode']").fill("8471300000");
        form.locator("[name='items[0].value']").fill("1234.56");
        form.locator("button[type=submit]").click();
        assertThat(form.locator(".message.ok")).containsText("rev 1");
        String id = form.locator(".form-status").getAttribute("data-declaration-id");
        assertThat(id).matches("\\d{18}");
        assertThat(page.locator("#declarations-table td[data-col=declarationId][data-value='" + id + "']")).isVisible();
        assertThat(page.locator("#declaration-details dd[data-fact=declarationId]")).hasText(id);
        assertThat(page.locator("#revisions-table tbody tr")).hasCount(1);
        shot("declaration-filed");

        page.locator("#amend").click();
        page.locator("#amend-form [name='items[0].value']").fill("2000.00");
        page.locator("#amend-form button[type=submit]").click();
        assertThat(page.locator("#revisions-table tbody tr")).hasCount(2);
        page.locator("#cancel").click();
        assertThat(page.locator("#declaration-details dd[data-fact=Status]")).hasText("CANCELLED");
        assertThat(page.locator("#revisions-table tbody tr")).hasCount(3);
        JsonPath stored = api(Tokens.DECLARANT, Platform.DECLARATION_SERVICE, "/api/declarations/" + id);
        assertThat(stored.getString("status")).isEqualTo("CANCELLED");
        assertThat(stored.getLong("revision")).isEqualTo(3);
        assertThat(stored.getObject("totalValueCny", BigDecimal.class)).isEqualByComparingTo("2000.00");
        shot("declaration-cancelled");

        page.navigate(consoleUrl() + "/#/operations");
        assertThat(page.locator("main")).hasAttribute("data-forbidden", "true");
    }

    @Test
    void theOperatorReadsDeadLettersTheOutboxAndRunsTheSimulator(TestInfo info) {
        try (RawPublisher kafka = new RawPublisher(platform.kafka()::clientProperties)) {
            kafka.publishRaw("console-it-bad", "{not json");
        }
        login(info, Tokens.OPERATOR);
        assertThat(page.locator("#nav a")).hasText(new String[] {"Pipeline"});
        Locator zoneLetters = page.locator("#zones-dead-letter-table tbody tr");
        await().atMost(UI_WAIT).untilAsserted(() -> assertThat(zoneLetters.count()).isGreaterThan(0));
        JsonPath letters = api(Tokens.OPERATOR, Platform.ZONE_SERVICE, "/api/ingest/dead-letters?limit=20");
        String reason = letters.getString("find { it.key == 'console-it-bad' }.reason");
        assertThat(reason).isNotBlank();
        Locator row = page.locator("#zones-dead-letter-table tr:has(td[data-col=reason])").filter(new Locator.FilterOptions().setHasText(reason));
        assertThat(row).hasCount(1);
        row.locator("button.read").click();
        assertThat(page.locator("#dead-letter-reader pre")).containsText("{not json");
        JsonPath status = api(Tokens.OPERATOR, Platform.ZONE_SERVICE, "/api/ingest/status");
        assertFigure("#zones-dead-letters", status.getString("deadLetters"));
        JsonPath outbox = api(Tokens.OPERATOR, Platform.DECLARATION_SERVICE, "/api/outbox/status");
        assertFigure("#outbox-pending", outbox.getString("pending"));
        shot("operations");

        page.locator("[name=ratePerSecond]").fill("-5");
        page.locator("#simulator-start").click();
        assertThat(page.locator("#simulator-state .message.error")).containsText("ratePerSecond");
        page.locator("[name=ratePerSecond]").fill("5");
        page.locator("#simulator-start").click();
        await().atMost(UI_WAIT).untilAsserted(() ->
                assertThat(api(Tokens.OPERATOR, Platform.DECLARATION_SERVICE, "/api/simulator").getBoolean("running")).isTrue());
        assertThat(page.locator("#simulator-running")).hasAttribute("data-value", "true");
        page.locator("#simulator-stop").click();
        await().atMost(UI_WAIT).untilAsserted(() ->
                assertThat(api(Tokens.OPERATOR, Platform.DECLARATION_SERVICE, "/api/simulator").getBoolean("running")).isFalse());
        shot("operations-simulator");

        // Exchange rates: a value that is not a number is refused naming the currency; a good one is listed.
        String month = page.locator("#rate-form [name=month]").inputValue();
        page.locator("#rate-form [name=currency]").fill("USD");
        page.locator("#rate-form [name=cnyPerUnit]").fill("seven");
        page.locator("#rate-form button[type=submit]").click();
        assertThat(page.locator("#rate-form + .form-status .message.error")).containsText("USD");
        page.locator("#rate-form [name=cnyPerUnit]").fill("7.1234");
        page.locator("#rate-form button[type=submit]").click();
        assertThat(page.locator("#rate-form + .form-status .message.ok")).isVisible();
        JsonPath rates = api(Tokens.OPERATOR, Platform.DECLARATION_SERVICE, "/api/exchange-rates?from=" + month + "&to=" + month);
        assertThat(rates.getObject("rates.find { it.currency == 'USD' }.cnyPerUnit", BigDecimal.class)).isEqualByComparingTo("7.1234");
        assertThat(page.locator("#rates-table tr:has(td[data-col=currency][data-value=USD]) td[data-col=cnyPerUnit]").first())
                .hasAttribute("data-value", rates.getString("rates.find { it.currency == 'USD' }.cnyPerUnit"));
        shot("operations-rates");

        page.navigate(consoleUrl() + "/#/declarations");
        assertThat(page.locator("main")).hasAttribute("data-forbidden", "true");
    }

    /** Opens the console, logs in on Keycloak's form, and waits for the console's navigation. */
    private void login(TestInfo info, String user) {
        testName = info.getTestMethod().orElseThrow().getName();
        context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setLocale("en-US")
                .setViewportSize(1400, 1000));
        context.setDefaultTimeout(UI_WAIT.toMillis());
        page = context.newPage();
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.navigate(consoleUrl() + "/");
        page.waitForURL(Pattern.compile(".*/realms/customs/protocol/openid-connect/auth.*"));
        assertThat(page.url()).contains("code_challenge_method=S256").contains("client_id=customs-console");
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(Pattern.quote(consoleUrl()) + "/#/.*"));
        assertThat(page.locator("#user")).containsText(user);
        assertThat(page.locator("main")).hasAttribute("data-loaded", "true");
        assertThat(errors).isEmpty();
    }

    /** The element's exact value (data-value: the digits the service sent) is, or soon becomes, {@code expected}. */
    private void assertFigure(String selector, String expected) {
        if (expected == null) {
            throw new AssertionError("the API answered no value for " + selector);
        }
        assertThat(page.locator(selector)).hasAttribute("data-value", expected);
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(testName + "-" + name + ".png")));
    }

    private static JsonPath api(String user, String service, String path) {
        String body = as(user).get(url(service) + path).then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String url(String service) {
        return platform.url(service);
    }

    private static String consoleUrl() {
        return platform.url(Platform.CONSOLE);
    }

    private static String grouped(BigDecimal amount) {
        return String.format("%,.2f", amount);
    }

}
