namespace NewsAggregator.Core.Research;

/// <summary>A stored JSON text (an edge's evidence): its text in CSV, the value itself in JSON Lines.</summary>
public readonly record struct RawJson(string Text);
