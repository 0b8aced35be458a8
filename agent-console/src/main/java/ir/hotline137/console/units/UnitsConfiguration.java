package ir.hotline137.console.units;

import ir.hotline137.console.security.ConsoleUsers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The follow-up office in the console: the unit scope every request route checks, and the units' API. Needs from the
 * application the {@link UnitSettings}, the {@link StandardResults} and the {@code FollowUpFigures}.
 */
@Configuration(proxyBeanMethods = false)
@Import(UnitsApi.class)
public class UnitsConfiguration {

    @Bean
    UnitScope unitScope(ConsoleUsers users, UnitSettings settings) {
        return new UnitScope(users, settings);
    }
}
