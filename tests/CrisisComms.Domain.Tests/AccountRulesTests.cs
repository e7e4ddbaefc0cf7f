using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

public sealed class AccountRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly AccountCaller Admin = new("root", IsOperator: false);
    private static readonly Account Anna = new("anna", "Anna", [Roles.Author], "hash", At);

    [Fact]
    public void EveryChangeThatMustEndSessionsRaisesTheSessionVersion()
    {
        Assert.Equal(1, AccountRules.Change(Anna, "Anna", [Roles.Approver], Admin).Account.SessionVersion);
        Assert.Equal(1, AccountRules.ResetPassword(Anna, "new hash", Admin).Account.SessionVersion);
        Assert.Equal(1, AccountRules.Disable(Anna, "Slutat", Admin).Account.SessionVersion);
        Assert.Equal(1, AccountRules.SignOut(Anna).Account.SessionVersion);
    }

    [Fact]
    public void ANewDisplayNameOrEnablingEndsNoSession()
    {
        Assert.Equal(0, AccountRules.Change(Anna, "Anna Andersson", [Roles.Author], Admin).Account.SessionVersion);
        Assert.Equal(0, AccountRules.Enable(Anna with { Disabled = true }, null).Account.SessionVersion);
    }

    [Fact]
    public void AnAdminCannotChangeTheirOwnRolesOrDisableThemselvesButAnOperatorCan()
    {
        var root = new Account("root", "Root", [Roles.Admin], "hash", At);
        Assert.Throws<AccountConflictException>(() => AccountRules.Change(root, "Root", [Roles.Staff], Admin));
        Assert.Throws<AccountConflictException>(() => AccountRules.Disable(root, "Oops", Admin));
        Assert.Equal([Roles.Staff], AccountRules.Change(root, "Root", [Roles.Staff], AccountCaller.Operator).Account.Roles);
    }

    [Theory]
    [InlineData("Anna")]
    [InlineData("anna berg")]
    [InlineData("-anna")]
    [InlineData("")]
    public void ANameOutsideTheRuleIsRefusedNamingTheField(string name) =>
        Assert.Equal("name", Assert.Throws<InvalidFieldException>(() => AccountRules.Name(name)).Field);
}
