namespace NeuroNav.Publish.Tests.Fixtures;

/// <summary>A publish as <c>neuronav publish</c> runs it (<see cref="PublishFlow"/>), against moto, with every step it reported.</summary>
internal static class PublishRun
{
    /// <summary>The flow takes credentials from the standard variables; moto accepts any.</summary>
    public static void UseMotoCredentials()
    {
        if (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is null)
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKey);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretKey);
        }
    }

    /// <summary>A request for <paramref name="dir"/> to <paramref name="bucket"/> on moto.</summary>
    public static PublishRequest Request(MotoServer moto, string dir, string bucket) => new(dir, bucket) { Endpoint = moto.Endpoint.ToString() };

    /// <summary>Runs <paramref name="request"/>; the steps are in the order the flow reported them.</summary>
    public static async Task<(PublishResult Result, IReadOnlyList<PublishStep> Steps)> RunAsync(PublishRequest request)
    {
        var steps = new Steps();
        var result = await PublishFlow.RunAsync(request, steps, CancellationToken.None);
        return (result, steps.All);
    }

    private sealed class Steps : IProgress<PublishStep>
    {
        public List<PublishStep> All { get; } = [];

        public void Report(PublishStep value)
        {
            lock (All)
            {
                All.Add(value);
            }
        }
    }
}
