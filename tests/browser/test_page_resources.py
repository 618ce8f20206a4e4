import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_pages_are_styled_by_the_site_stylesheet(page, story, browser_problems):
    with page.expect_response(lambda response: response.url.endswith("/static/css/site.css")) as stylesheet:
        page.goto("/")

    assert stylesheet.value.status == 200
    expect(page.get_by_role("banner")).to_have_css("background-color", "rgb(19, 41, 75)")
    assert browser_problems == []


def test_content_security_policy_blocks_an_injected_inline_script_and_reports_it(
    page, story, browser_problems
):
    page.goto("/")

    blocked = page.evaluate(
        """() => new Promise((resolve) => {
            document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective));
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.head.append(script);
        })"""
    )

    assert blocked == "script-src-elem"
    assert page.evaluate("() => window.injected") is None
    assert any(problem.startswith("CSP: script-src-elem blocked inline") for problem in browser_problems)
