package dev.apitool.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escape_everyCharacterThatEndsTextOrAQuotedAttribute_isEscaped() {
        assertThat(Html.escape("<a href='x' title=\"y\">&</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void escape_null_isEmpty_andPlainTextIsUnchanged() {
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("p99 250ms")).isEqualTo("p99 250ms");
    }
}
