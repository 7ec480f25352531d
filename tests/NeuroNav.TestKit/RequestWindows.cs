namespace NeuroNav.TestKit;

/// <summary>How a server's request log measures a request rate: the most requests in any window of its own timestamps.</summary>
public static class RequestWindows
{
    /// <summary>
    /// The most requests received in any window [t, t + <paramref name="window"/>) that starts at a request's timestamp
    /// (the busiest window always starts at one), with the window's start.
    /// </summary>
    public static (int Count, DateTimeOffset Start) Busiest(IEnumerable<ScriptedRequest> requests, TimeSpan window)
    {
        var times = requests.Select(r => r.ReceivedAt).Order().ToList();
        var best = (Count: 0, Start: DateTimeOffset.MinValue);
        var end = 0;
        for (var start = 0; start < times.Count; start++)
        {
            while (end < times.Count && times[end] - times[start] < window)
            {
                end++;
            }

            if (end - start > best.Count)
            {
                best = (end - start, times[start]);
            }
        }

        return best;
    }
}
