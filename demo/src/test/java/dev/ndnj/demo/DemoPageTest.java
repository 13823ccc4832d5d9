package dev.ndnj.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

/**
 * The demo page as a user sees it, in both modes: the mode line and the forwarder's count of upstream connections,
 * the fetch panel telling which segments came from the shared Content Store, the chat between tabs. Takes the
 * screenshots of docs/demo.md when NDNJ_SCREENSHOTS=1.
 */
class DemoPageTest extends BrowserTest {
  private static final LocatorAssertions.HasTextOptions T = new LocatorAssertions.HasTextOptions().setTimeout(15_000);
  private static final LocatorAssertions.ContainsTextOptions C =
      new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

  private static Page open(BrowserContext ctx, TestForwarder fwd, String query) {
    Page p = ctx.newPage();
    p.setViewportSize(1280, 760);
    p.navigate(fwd.url(query));
    assertThat(p.locator("body")).hasAttribute("data-ready", "true",
        new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
    return p;
  }

  private static void fetchMedium(Page p, String expected) {
    p.selectOption("#file", "medium");
    p.click("#fetch-form button");
    assertThat(p.locator("#fetch-result")).containsText(expected, C);
  }

  private static void say(Page p, String text) {
    p.fill("#chat-text", text);
    p.click("#chat-form button");
  }

  @Test
  void sharedModeOneUpstreamSharedContentStoreAndChat() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      Page a = open(ctx, fwd, "?channel=/ndnj/chat/shared-test");
      Page b = open(ctx, fwd, "?channel=/ndnj/chat/shared-test");
      assertThat(a.locator("#mode")).hasAttribute("data-mode", "shared");
      assertThat(b.locator("#status")).hasText("up", T);
      assertThat(b.locator("#upstreams")).hasText("1", T);
      fetchMedium(a, "0 of 17 segments came from the shared Content Store");
      fetchMedium(b, "17 of 17 segments came from the shared Content Store");
      say(a, "hello from tab A");
      assertThat(b.locator("#messages")).containsText("hello from tab A", C);
      say(b, "and hello back from tab B");
      assertThat(a.locator("#messages")).containsText("and hello back from tab B", C);
      assertThat(b.locator("#messages")).containsText("and hello back from tab B", C);
      assertThat(b.locator("#engine-summary")).containsText("shared by 2 tab(s)", C);
      Screenshots.save(b, "demo-shared-engine");
    }
  }

  @Test
  void perTabModeOneUpstreamPerTabAndTheSameChat() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      Page a = open(ctx, fwd, "?shared-engine=0&channel=/ndnj/chat/tab-test");
      Page b = open(ctx, fwd, "?shared-engine=0&channel=/ndnj/chat/tab-test");
      assertThat(a.locator("#mode")).hasAttribute("data-mode", "tab");
      assertThat(b.locator("#upstreams")).hasText("2", T);
      fetchMedium(a, "0 of 17 segments came from the shared Content Store");
      fetchMedium(b, "0 of 17 segments came from the shared Content Store");
      say(a, "hello from an engine of its own");
      assertThat(b.locator("#messages")).containsText("hello from an engine of its own", C);
      assertThat(b.locator("#switch")).hasAttribute("href", "?shared-engine=1");
      Screenshots.save(b, "demo-engine-per-tab");
    }
  }
}
