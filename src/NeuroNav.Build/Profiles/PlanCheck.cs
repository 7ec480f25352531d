namespace NeuroNav.Build.Profiles;

/// <summary>The check a profiled build makes before it writes anything: the plan, measured with the real writers, within the host's limits.</summary>
public static class PlanCheck
{
    /// <summary>
    /// Plans the build with <paramref name="planner"/>, reports the plan to <paramref name="planned"/> and throws, before
    /// anything is written, when <paramref name="profile"/>'s host would reject it.
    /// </summary>
    /// <exception cref="BuildException">The plan breaks a limit of the profile; the message names each limit and the size.</exception>
    public static async Task<SizePlan> CheckAsync(SizePlanner planner, BuildProfile profile, BuildOptions options, IProgress<SizePlan>? planned, CancellationToken ct)
    {
        var plan = await planner.PlanAsync(profile, options, ct).ConfigureAwait(false);
        planned?.Report(plan);
        if (plan.Violations() is { Count: > 0 } problems)
        {
            throw new BuildException(string.Join("; ", problems) + "; nothing was built");
        }

        return plan;
    }
}
