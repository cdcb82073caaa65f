namespace RaqqaLedger.Api.Hosting;

/// <summary>Asks a running API for /health: exit 0 when it answers 200, 1 otherwise.</summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"unhealthy: {e.Message}");
            return 1;
        }
    }
}
