using Microsoft.Playwright;

namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>Moving through a page with the Tab key only, as a keyboard user does: every press must move the focus to
/// another element (no trap) and the focused element must show a visible focus indicator (<c>:focus-visible</c> with an
/// outline or a box shadow).</summary>
public static class Keyboard
{
    private const int MaxPresses = 80;

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has the focus; fails if it never does.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, bool backwards = false)
    {
        string? previous = await FocusedAsync(page);
        for (var press = 0; press < MaxPresses; press++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = await FocusedAsync(page);
            Assert.True(focused != previous, $"{page.Url}: the focus stayed on {previous} after Tab (a keyboard trap).");
            previous = focused;
            if (focused is null)
                continue;
            await AssertFocusVisibleAsync(page);
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
                return;
        }
        Assert.Fail($"{page.Url}: {target} was not reached with {MaxPresses} presses of Tab.");
    }

    /// <summary>Tabs through the whole page from the top: every focusable element is reached in turn, and the focus
    /// leaves the last one (it returns to the document), so no element holds it.</summary>
    public static async Task AssertNoTrapAsync(IPage page)
    {
        var count = await page.EvaluateAsync<int>(
            """
            () => {
                const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
                    .filter(el => !el.disabled && el.tabIndex >= 0 && !el.closest('[inert]') && el.getClientRects().length > 0
                        && !(el.closest('details:not([open])') && !el.closest('summary')))
                    // Tab stops once per radio group (on the checked one, else the first); arrows move inside it.
                    .filter((el, _, list) => {
                        if (el.type !== 'radio' || !el.name) return true;
                        const group = list.filter(r => r.type === 'radio' && r.name === el.name && r.form === el.form);
                        return el === (group.find(r => r.checked) ?? group[0]);
                    });
                all.forEach((el, i) => el.setAttribute('data-tab-order', i));
                return all.length;
            }
            """);
        // Start from the top of the document: a blur alone leaves Chromium's sequential-navigation starting point
        // where the focus was (after the skip link, at #main), so a probe at the start of <body> takes the focus first.
        await page.EvaluateAsync(
            """
            () => {
                const start = document.createElement('span');
                start.tabIndex = -1;
                start.id = 'keyboard-walk-start';
                document.body.prepend(start);
                start.focus();
                window.scrollTo(0, 0);
            }
            """);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var press = 0; press <= count; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var index = await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('data-tab-order') ?? null");
            if (index is null)
                break;
            Assert.True(seen.Add(index), $"{page.Url}: Tab came back to element {index} before reaching them all (a keyboard trap).");
        }
        await page.EvaluateAsync("() => document.getElementById('keyboard-walk-start')?.remove()");
        var missed = seen.Count == count ? [] : await page.EvaluateAsync<string[]>(
            "seen => [...document.querySelectorAll('[data-tab-order]')].filter(el => !seen.includes(el.getAttribute('data-tab-order'))).map(el => el.outerHTML.slice(0, 160))",
            seen.ToArray());
        Assert.True(seen.Count == count, $"{page.Url}: Tab reached {seen.Count} of {count} focusable elements; not reached: {string.Join(" | ", missed)}");
    }

    /// <summary>The focused element has a focus indicator a sighted keyboard user can see.</summary>
    public static async Task AssertFocusVisibleAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string[]>(
            """
            () => {
                const el = document.activeElement;
                const s = getComputedStyle(el);
                return [el.matches(':focus-visible') ? 'yes' : 'no', s.outlineStyle, s.outlineWidth, s.boxShadow, el.outerHTML.slice(0, 120)];
            }
            """);
        var hasOutline = style[1] != "none" && style[2] != "0px";
        var hasShadow = style[3] != "none";
        Assert.True(style[0] == "yes" && (hasOutline || hasShadow), $"{page.Url}: no visible focus on {style[4]} (:focus-visible {style[0]}, outline {style[1]} {style[2]}, shadow {style[3]}).");
    }

    private static Task<string?> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.activeElement === document.body || !document.activeElement ? null : document.activeElement.outerHTML");
}
