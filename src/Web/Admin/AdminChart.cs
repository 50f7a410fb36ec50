namespace AlexaLinkHub.Web.Admin;

internal static class AdminChart
{
    /// <summary>The smallest of 1, 2, 5, 10, 20, 50, … that is at least <paramref name="value"/>: a readable axis maximum.</summary>
    public static int NiceCeiling(int value)
    {
        var magnitude = 1;
        while (true)
        {
            foreach (var step in new[] { 1, 2, 5 })
            {
                if (step * magnitude >= value)
                    return step * magnitude;
            }
            magnitude *= 10;
        }
    }
}
