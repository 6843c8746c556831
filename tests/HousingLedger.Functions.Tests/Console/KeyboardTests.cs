using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;
using static Microsoft.Playwright.Assertions;

namespace HousingLedger.Functions.Tests.Console;

/// <summary>The console works with the keyboard alone, and what has focus shows it.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class KeyboardTests(AzuriteFixture azurite) : ConsoleTest(azurite)
{
    [SkippableFact]
    public async Task Staff_sign_in_move_about_and_sign_out_with_the_keyboard_alone()
    {
        var association = await Api.OnboardAssociationAsync("Keyboard Homes");
        await Page.GotoAsync("/sign-in");

        await TabToAsync("Skip to main content");
        await TabToAsync("API key");
        await Page.Keyboard.TypeAsync(association.ApiKey);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#association-name")).ToHaveTextAsync("Keyboard Homes");

        await TabToAsync("Waiting for approval");
        await TabToAsync("Raise a job");
        await TabToAsync("Sign out");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have signed out");
    }
}
