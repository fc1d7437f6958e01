namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>What kind of organisation an event type names in {org}/{org2}; each kind has its own name pattern.</summary>
internal enum SyntheticOrgKind
{
    None,
    /// <summary>"Velorex Holdings": written without an article.</summary>
    Company,
    /// <summary>"Marant Capital": a bank or brokerage, without an article.</summary>
    Bank,
    /// <summary>"Torvia Rail": a transport operator, without an article.</summary>
    Operator,
    /// <summary>"Green Future Party": templates write "the {org}".</summary>
    Party,
    /// <summary>"National Union of Rail Workers": templates write "the {org}".</summary>
    Union,
    /// <summary>"Lyon Falcons": a club named after a real city, without an article.</summary>
    Team,
    /// <summary>"Calenta Institute of Geophysics": templates write "the {org}".</summary>
    Institute,
    /// <summary>"Civic Rights Movement": templates write "the {org}".</summary>
    Movement,
}
