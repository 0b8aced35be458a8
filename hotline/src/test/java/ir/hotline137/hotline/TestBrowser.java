package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless chromium, as the console's browser tests drive it. */
final class TestBrowser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private TestBrowser() {
    }

    static ChromeDriver start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser test needs Debian's chromium and chromedriver: apt-get install -y chromium chromium-driver")
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox: CI runs as root. The background-networking flags keep chromium from calling out to the
        // internet, which this machine's closed network refuses noisily.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,768", "--lang=fa-IR",
                "--user-data-dir=" + Files.createTempDirectory("hotline-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        Files.createDirectories(SCREENSHOTS);
        return new ChromeDriver(service, options);
    }

    /** Logs in afresh as this person, forgetting whoever was logged in; the page the console opens follows. */
    static void logIn(ChromeDriver browser, String baseUrl, String username, String password) {
        browser.manage().deleteAllCookies();
        browser.navigate().to(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /**
     * Clicks as a person does, on a button they can see: brought to the middle of the window first. A live list
     * re-renders as callers come and go, and a button left where the sticky top bar covers it would take the
     * click for the bar (ElementClickInterceptedException), which no person would do.
     */
    static void click(ChromeDriver browser, WebElement button) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", button);
        button.click();
    }

    /** Kept under hotline/target/screenshots for a person to look at; tests do not compare them. */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
