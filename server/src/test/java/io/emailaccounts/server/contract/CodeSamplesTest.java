package io.emailaccounts.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.emailaccounts.server.support.JavaSnippets;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;

/** The code samples the reference shows (x-codeSamples in the contract) compile, and their requests are accepted. */
class CodeSamplesTest extends RunningServerTest {

    @Autowired
    private ApiContract contract;

    @TempDir
    Path work;

    @Test
    void shouldCompileEveryJavaSample() {
        int compiled = 0;
        for (JsonNode path : contract.document().path("paths")) {
            for (JsonNode operation : path) {
                for (JsonNode sample : operation.path("x-codeSamples")) {
                    if (sample.path("lang").asString().equals("Java")) {
                        String className = "Sample_" + operation.path("operationId").asString();
                        JavaSnippets.compile(work, className, """
                                import java.util.*;
                                import io.emailaccounts.client.*;
                                import io.emailaccounts.client.api.*;
                                import io.emailaccounts.client.model.*;

                                class %s {
                                    static void run(String password) throws Exception {
                                %s
                                    }
                                }
                                """.formatted(className, sample.path("source").asString()));
                        compiled++;
                    }
                }
            }
        }
        assertThat(compiled).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldAcceptTheCurlSampleOfTheUpdate() {
        String curl = contract.document().at("/paths/~1api~1crm~1emailaccounts/put/x-codeSamples/0/source").asString();
        Matcher data = Pattern.compile("-d '(\\{.*?})'", Pattern.DOTALL).matcher(curl);
        assertThat(data.find()).as(curl).isTrue();

        RawHttp.Response response = asAdmin().put("/api/crm/emailaccounts", data.group(1));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
