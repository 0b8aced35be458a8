package ir.hotline137.console.shift;

import ir.hotline137.switchboard.Switchboard;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The shift's log of presence marks, listening from start-up, and its API; the store comes from the application. */
@Configuration(proxyBeanMethods = false)
@Import(ShiftApi.class)
public class ShiftConfiguration {

    @Bean(destroyMethod = "close")
    ShiftLog shiftLog(Switchboard switchboard, Shifts shifts, Clock clock) {
        return new ShiftLog(switchboard, shifts, clock);
    }
}
