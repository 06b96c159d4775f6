package com.tobacco.cmw.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * One Spring context for every Spring test (same annotations, so the context is cached): the
 * whole application on a random port, demo users and a small demo data set, in-memory H2, the
 * job executor off so tests execute jobs themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class SpringTestBase {
}
