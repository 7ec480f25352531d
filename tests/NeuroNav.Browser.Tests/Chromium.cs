namespace NeuroNav.Browser.Tests;

/// <summary>Where the browser tests find Chromium, and whether its absence skips them or fails them.</summary>
public static class Chromium
{
    /// <summary>
    /// Debian's package (<c>apt-get install chromium</c>) unless <c>NEURONAV_CHROMIUM</c> names another executable;
    /// Playwright's own browser download is never used.
    /// </summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("NEURONAV_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Set to 1 by <c>.ci/run</c>: there a missing Chromium is a failure, not a skip.</summary>
    public const string RequireVariable = "NEURONAV_REQUIRE_CHROMIUM";

    public static bool Available => File.Exists(ExecutablePath);

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why the browser tests are skipped here, or null when they run.</summary>
    public static string? SkipReason => Available || Required
        ? null
        : $"Chromium is not installed at {ExecutablePath} (apt-get install chromium); set {RequireVariable}=1 to make this a failure";
}
