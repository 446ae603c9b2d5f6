package id.mpp.tracker.standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs): it loads, shows the figures, and updates without a reload when a command changes them. Leaves
 * screenshots in {@code target/}.
 */
@StandaloneTest
class DashboardBrowserTest extends ApiTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "chromium and chromium-driver are not installed (.ci/run installs them)");
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800");
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsAnMppsFiguresAndUpdatesLiveWhenACommandChangesThem() throws Exception {
        assertThat(api.submit().status()).isEqualTo(201);
        browser.get("http://127.0.0.1:" + port + "/dashboard/");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(page -> new Select(page.findElement(By.id("mpp"))).getOptions().size() > 1);

        browser.findElement(By.id("api-key")).sendKeys(Api.keyOf("viewer"));
        new Select(browser.findElement(By.id("scope-kind"))).selectByValue("mpp");
        new Select(browser.findElement(By.id("mpp"))).selectByValue("KOTA-SURABAYA");
        browser.findElement(By.id("show")).click();

        wait.until(page -> page.findElement(By.id("live")).isDisplayed());
        assertThat(text("scope-title")).isEqualTo("MPP Siola Kota Surabaya");
        long before = figure("submitted");
        assertThat(before).isPositive();
        assertThat(text("period")).contains("30");
        assertThat(browser.findElements(By.cssSelector("#series-chart canvas"))).as("the daily chart is drawn").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#services tr"))).isNotEmpty();
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        screenshot("dashboard-before.png");

        assertThat(api.submit().status()).isEqualTo(201);

        wait.until(page -> figure("submitted") == before + 1);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("updated in place, not reloaded").isEqualTo(true);
        screenshot("dashboard-after.png");
    }

    @Test
    void theLabelsSwitchBetweenIndonesianAndEnglish() {
        browser.get("http://127.0.0.1:" + port + "/dashboard/index.html");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(page -> page.findElement(By.tagName("h1")).getText().contains("Mal Pelayanan Publik"));

        browser.findElement(By.id("language")).click();

        assertThat(text("language")).isEqualTo("ID");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Public Service Mall Dashboard");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private long figure(String id) {
        String digits = text(id).replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target")).resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Screenshot of the dashboard: " + target.toAbsolutePath());
    }
}
