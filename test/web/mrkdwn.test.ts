import { describe, expect, it } from 'vitest';

/** The page's own mrkdwn renderer (plain browser JavaScript, no DOM needed). */
interface MrkdwnModule {
  mrkdwnToHtml(text: string, users?: Record<string, string>): string;
  plainToHtml(text: string, emoji?: boolean): string;
}
const modulePath = new URL('../../src/web/public/mrkdwn.js', import.meta.url).href;
const { mrkdwnToHtml, plainToHtml } = (await import(modulePath)) as MrkdwnModule;

describe('the page’s mrkdwn renderer', () => {
  it('escapes HTML before adding any markup', () => {
    expect(mrkdwnToHtml('<script>alert(1)</script> &lt;b&gt; &amp; "x"')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt; &amp; "x"</p>');
    expect(mrkdwnToHtml('<javascript:alert(1)|click>')).not.toContain('href');
    expect(plainToHtml('<b>:+1: Helpful</b>')).toBe('&lt;b&gt;👍 Helpful&lt;/b&gt;');
    expect(plainToHtml(':+1:', false)).toBe(':+1:');
  });

  it('renders bold, italic, strike, code, links, mentions, quotes, bullet lines and line breaks', () => {
    expect(mrkdwnToHtml('due *Fri 22 Jan 2027* (_20 working days_) ~old~')).toBe('<p>due <strong>Fri 22 Jan 2027</strong> (<em>20 working days</em>) <del>old</del></p>');
    expect(mrkdwnToHtml('`foi_rule *x*` and snake_case_name')).toBe('<p><code>foi_rule *x*</code> and snake_case_name</p>');
    expect(mrkdwnToHtml('<https://example.org/a?b=1&amp;c=2|the report>')).toBe('<p><a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the report</a></p>');
    expect(mrkdwnToHtml('<@U0LOCAL> asked', { U0LOCAL: 'you' })).toBe('<p><span class="mention">@you</span> asked</p>');
    expect(mrkdwnToHtml('>*5.1 All records*\n&gt; kept\nafter')).toBe('<blockquote><strong>5.1 All records</strong><br>kept</blockquote><p>after</p>');
    expect(mrkdwnToHtml('Rules:\n• `foi`: FOI\n• `sar`: SAR')).toBe('<p>Rules:</p><p class="bullet">• <code>foi</code>: FOI</p><p class="bullet">• <code>sar</code>: SAR</p>');
    expect(mrkdwnToHtml(':warning: one\ntwo')).toBe('<p>⚠️ one<br>two</p>');
    expect(mrkdwnToHtml('*[1]* Kent CC')).toBe('<p><strong>[1]</strong> Kent CC</p>');
  });
});
