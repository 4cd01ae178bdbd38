package io.emailaccounts.server.config;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Checks that the server's port is free before anything starts: a second server would otherwise open its database,
 * make its development files and only then find the port taken. Reported as Spring Boot reports a port in use.
 * Registered in META-INF/spring.factories; only for a context that starts a web server (not a test's mock one), and
 * not for a port of 0 (any free one) or below.
 */
public class PortAvailability implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
            return;
        }
        Environment environment = event.getApplicationContext().getEnvironment();
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port <= 0) {
            return;
        }
        String address = environment.getProperty("server.address");
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (BindException e) {
            if (address == null || String.valueOf(e.getMessage()).contains("in use")) {
                throw new PortInUseException(port, e);
            }
            throw new InvalidConfigurationException("server.address " + address + " cannot be listened on: " + e.getMessage(),
                    "Set server.address to an address of this machine, or leave it out to listen on all of them.");
        } catch (IOException e) {
            throw new InvalidConfigurationException("Port " + port + " cannot be listened on: " + e.getMessage(),
                    "Choose another port with --server.port=...");
        }
    }
}
