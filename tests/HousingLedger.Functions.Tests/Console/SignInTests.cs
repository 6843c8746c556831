using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HousingLedger.Functions.Tests.Console;

[Collection(AzuriteFixture.CollectionName)]
public sealed class SignInTests(AzuriteFixture azurite) : ConsoleTest(azurite)
{
    [SkippableFact]
    public async Task Staff_sign_in_with_their_associations_key_and_see_its_name_and_their_roles_pages()
    {
        var association = await Api.OnboardAssociationAsync("Harbour Homes");
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await CheckPageAsync("sign-in");

        await SignInAsync(association.ApiKey);

        await Expect(Page.Locator("#association-name")).ToHaveTextAsync("Harbour Homes");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Raise a job" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(
            ["Jobs", "Suppliers", "Spend", "Payments", "Fee statements", "Ledger", "Sign out"]);
        await CheckPageAsync("overview");
    }

    [SkippableFact]
    public async Task An_auditor_is_offered_nothing_it_may_not_do()
    {
        var association = await Api.OnboardAssociationAsync();
        var (auditor, _) = await Api.IssueKeyAsync(association, "auditor");

        await SignInAsync(auditor.ApiKey);

        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(
            ["Jobs", "Suppliers", "Spend", "Ledger", "Sign out"]);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Raise a job" })).ToHaveCountAsync(0);
        await Page.GotoAsync("/payments");
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("You cannot see this page");
    }

    [SkippableFact]
    public async Task A_key_the_service_does_not_know_is_refused_on_the_form_and_nothing_is_remembered()
    {
        await Page.GotoAsync("/sign-in");
        await Page.GetByLabel("API key").FillAsync("hl_not-a-real-key");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("The key was not recognised");
        await Expect(Page.Locator("#apiKey-error")).ToBeVisibleAsync();
        await CheckPageAsync("sign-in-refused");
        Assert.Equal("null", await Page.EvaluateAsync<string>("() => String(sessionStorage.getItem('housingledger.key'))"));
    }

    [SkippableFact]
    public async Task When_the_service_cannot_be_reached_the_form_says_so_and_can_be_sent_again()
    {
        var association = await Api.OnboardAssociationAsync();
        await Page.GotoAsync("/sign-in");
        await Page.RouteAsync("**/api/caller", route => route.AbortAsync("connectionrefused"));
        await Page.GetByLabel("API key").FillAsync(association.ApiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("The service could not be reached");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeEnabledAsync();
        Assert.Equal("null", await Page.EvaluateAsync<string>("() => String(sessionStorage.getItem('housingledger.key'))"));

        // Once the service answers again, the same form signs in.
        await Page.UnrouteAllAsync();
        ForgetServerTrouble();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
    }

    [SkippableFact]
    public async Task Signing_out_forgets_the_key()
    {
        var association = await Api.OnboardAssociationAsync();
        await SignInAsync(association.ApiKey);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have signed out");
        await Page.GotoAsync("/jobs");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in\\?next=%2Fjobs"));
    }
}
