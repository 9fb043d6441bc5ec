using System.Text.Json;

namespace Pogema.Env.Tests.Tracing;

/// <summary>Finds the first difference between an expected and an actual JSON value (numbers within 1e-9).</summary>
internal static class JsonComparer
{
    public static string? FirstDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Number)
        {
            return actual.ValueKind == JsonValueKind.Number && Math.Abs(expected.GetDouble() - actual.GetDouble()) <= 1e-9
                ? null
                : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind} {expected.GetRawText()}, got {actual.ValueKind} {actual.GetRawText()}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetArrayLength()} elements, got {actual.GetArrayLength()}";
                }

                for (int i = 0; i < expected.GetArrayLength(); i++)
                {
                    string? difference = FirstDifference(expected[i], actual[i], $"{path}[{i}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Object:
                int expectedCount = 0;
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    expectedCount++;
                    if (!actual.TryGetProperty(property.Name, out JsonElement value))
                    {
                        return $"{path}.{property.Name}: missing";
                    }

                    string? difference = FirstDifference(property.Value, value, $"{path}.{property.Name}");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                int actualCount = actual.EnumerateObject().Count();
                return actualCount == expectedCount ? null : $"{path}: expected {expectedCount} keys, got {actualCount}";
            default:
                return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
        }
    }
}
