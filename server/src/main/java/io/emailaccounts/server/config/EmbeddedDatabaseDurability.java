package io.emailaccounts.server.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * An embedded H2 database kept in a file writes every commit to the file before the server answers, whatever URL the
 * operator gives: H2's own default waits up to 500 ms, and a killed server would lose writes it confirmed. The URL
 * gets {@code WRITE_DELAY=0} when it does not say; a URL that asks for another delay is refused at start-up.
 */
@Component
final class EmbeddedDatabaseDurability implements BeanPostProcessor {

    private static final Pattern WRITE_DELAY = Pattern.compile(";\\s*WRITE_DELAY\\s*=([^;]*)", Pattern.CASE_INSENSITIVE);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
            properties.setUrl(durable(properties.getUrl()));
        }
        return bean;
    }

    /** The URL of a database that writes every commit at once: as it is, or with {@code WRITE_DELAY=0}. */
    static String durable(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:")) {
            return url;
        }
        Matcher delay = WRITE_DELAY.matcher(url);
        if (!delay.find()) {
            return url + ";WRITE_DELAY=0";
        }
        if (delay.group(1).strip().equals("0")) {
            return url;
        }
        throw new InvalidConfigurationException("spring.datasource.url sets WRITE_DELAY=" + delay.group(1).strip()
                + ": the embedded database would confirm writes up to that many milliseconds before they reach the file,"
                + " and a killed server would lose them.",
                "Leave WRITE_DELAY out of spring.datasource.url (the server sets WRITE_DELAY=0 on every H2 file database).");
    }
}
