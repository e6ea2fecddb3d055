package org.emporium.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptAwareEntryPointTest {

    @Test
    void createAnywhereInThePromptListAsksForRegistration() {
        assertThat(PromptAwareEntryPoint.asksToCreate("create")).isTrue();
        assertThat(PromptAwareEntryPoint.asksToCreate("login create")).isTrue();
        assertThat(PromptAwareEntryPoint.asksToCreate(" create ")).isTrue();
        assertThat(PromptAwareEntryPoint.asksToCreate(null)).isFalse();
        assertThat(PromptAwareEntryPoint.asksToCreate("login")).isFalse();
        assertThat(PromptAwareEntryPoint.asksToCreate("created")).isFalse();
        assertThat(PromptAwareEntryPoint.asksToCreate("")).isFalse();
    }
}
