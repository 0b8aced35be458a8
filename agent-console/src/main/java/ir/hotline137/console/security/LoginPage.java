package ir.hotline137.console.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The console's login form, in Persian and right to left, carrying the session's CSRF token: the form post to
 * {@code /login} is refused without it.
 */
@RestController
public class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<String> form(ServerWebExchange exchange, @RequestParam(required = false) String error,
                             @RequestParam(required = false) String logout) {
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        String notice = error != null ? "<p class=\"error\" role=\"alert\">نام کاربری یا گذرواژه درست نیست.</p>"
                : logout != null ? "<p role=\"status\">از سامانه خارج شدید.</p>" : "";
        return token.map(csrf -> page(notice, HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken())));
    }

    private static String page(String notice, String parameter, String token) {
        return """
                <!doctype html>
                <html lang="fa" dir="rtl">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>ورود — سامانه ۱۳۷</title>
                <style>
                body { font-family: Vazirmatn, Tahoma, sans-serif; background: #f4f6f8; display: grid;
                       place-items: center; min-height: 100vh; margin: 0; }
                form { background: #fff; padding: 2rem; border-radius: 8px; width: min(22rem, 90vw);
                       box-shadow: 0 1px 4px rgba(0,0,0,.15); }
                label { display: block; margin-top: 1rem; }
                input { width: 100%%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
                button { margin-top: 1.5rem; width: 100%%; padding: .6rem; font-size: 1rem; }
                .error { color: #b00020; }
                </style>
                </head>
                <body>
                <form method="post" action="/login">
                <h1>سامانه مدیریت شهری ۱۳۷</h1>
                %s
                <label for="username">نام کاربری</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">گذرواژه</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">ورود</button>
                </form>
                </body>
                </html>
                """.formatted(notice, parameter, token);
    }
}
