package ir.hotline137.console.security;

import ir.hotline137.console.login.LoginFailure;
import ir.hotline137.requests.PersianDigits;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The console's login form, in Persian and right to left, carrying the session's CSRF token: the form post to
 * {@code /login} is refused without it. After a refused login it says why (a wrong name or password, or too many
 * tries and for how long) and shows the name typed, so only the password is typed again; after logging out it
 * says so.
 */
@RestController
public class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<String> form(ServerWebExchange exchange) {
        // "?error" carries no value, so it is asked for by name: a bound parameter would read it as absent.
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return exchange.getSession().flatMap(session -> token.map(csrf -> {
            String typed = query.containsKey("error") || query.containsKey("locked")
                    ? session.getAttributeOrDefault(LoginFailure.LAST_USERNAME, "") : "";
            return page(notice(query), HtmlUtils.htmlEscape(typed), HtmlUtils.htmlEscape(csrf.getParameterName()),
                    HtmlUtils.htmlEscape(csrf.getToken()));
        }));
    }

    private static String notice(MultiValueMap<String, String> query) {
        if (query.containsKey("locked")) {
            String minutes = query.getFirst("locked");
            String wait = minutes != null && minutes.matches("\\d{1,3}")
                    ? PersianDigits.toPersian(minutes) + " دقیقهٔ دیگر" : "چند دقیقهٔ دیگر";
            return "<p class=\"error\" role=\"alert\" id=\"login-locked\">گذرواژهٔ نادرست چند بار پشت سر هم وارد شد."
                    + " برای امنیت حساب، " + wait + " دوباره بکوشید.</p>";
        }
        if (query.containsKey("error")) {
            return "<p class=\"error\" role=\"alert\" id=\"login-error\">نام کاربری یا گذرواژه درست نیست.</p>";
        }
        if (query.containsKey("logout")) {
            return "<p class=\"notice\" role=\"status\" id=\"login-logout\">از سامانه خارج شدید.</p>";
        }
        return "";
    }

    private static String page(String notice, String username, String parameter, String token) {
        // The cursor goes where the person types next: the name on a fresh form, the password when the name is kept.
        String nameFocus = username.isEmpty() ? " autofocus" : "";
        String passwordFocus = username.isEmpty() ? "" : " autofocus";
        return """
                <!doctype html>
                <html lang="fa" dir="rtl">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>ورود — سامانه ۱۳۷</title>
                <style>
                @font-face { font-family: Vazirmatn; font-weight: 400;
                             src: url('/fonts/vazirmatn/Vazirmatn-Regular.woff2') format('woff2'); }
                @font-face { font-family: Vazirmatn; font-weight: 700;
                             src: url('/fonts/vazirmatn/Vazirmatn-Bold.woff2') format('woff2'); }
                body { font-family: Vazirmatn, Tahoma, sans-serif; background: #f4f6f8; display: grid;
                       place-items: center; min-height: 100vh; margin: 0; }
                form { background: #fff; padding: 2rem; border-radius: 8px; width: min(22rem, 90vw);
                       box-shadow: 0 1px 4px rgba(0,0,0,.15); }
                label { display: block; margin-top: 1rem; }
                input { width: 100%%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
                button { margin-top: 1.5rem; width: 100%%; padding: .6rem; font-size: 1rem; }
                .error { color: #b00020; }
                .notice { color: #1b5e20; }
                </style>
                </head>
                <body>
                <form method="post" action="/login">
                <h1>سامانه مدیریت شهری ۱۳۷</h1>
                %s
                <label for="username">نام کاربری</label>
                <input id="username" name="username" autocomplete="username" required maxlength="100" dir="ltr" value="%s"%s>
                <label for="password">گذرواژه</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required dir="ltr"%s>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">ورود</button>
                </form>
                </body>
                </html>
                """.formatted(notice, username, nameFocus, passwordFocus, parameter, token);
    }
}
