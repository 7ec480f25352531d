namespace NeuroNav.Browser.Tests;

/// <summary>A browser test: skipped with the reason where Chromium is absent, unless <see cref="Chromium.Required"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
