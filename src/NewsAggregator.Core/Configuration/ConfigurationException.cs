namespace NewsAggregator.Core.Configuration;

/// <summary>A configuration problem the operator must fix; the message names the key or file and what is allowed.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
