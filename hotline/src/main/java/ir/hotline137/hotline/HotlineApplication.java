package ir.hotline137.hotline;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The running system: every module's configuration under this package, settings from application.yml. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HotlineApplication {
}
