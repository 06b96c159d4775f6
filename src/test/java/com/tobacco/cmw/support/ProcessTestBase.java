package com.tobacco.cmw.support;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The context of the process tests: like {@link SpringTestBase}, plus the process test coverage
 * plugin, which asserts that each process test class covers every flow of its process. A
 * context of its own, because the plugin measures every process started in its engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // an engine name of its own: REST and the webapps look engines up by name, and the other
    // test context's engine must stay the one called "default"
    properties = {"camunda.bpm.process-engine-name=processtests",
        // the coverage plugin refuses instances started before a test class runs (demo setup)
        "cmw.report.demo-drafts=false"})
@ActiveProfiles({"demo", "test"})
@Import({ProcessEngineCoverageConfiguration.class, CoverageSettings.class})
public abstract class ProcessTestBase {
}
