// Shapes of the false positives found by the eighth held-out study (docs/accuracy.md), with values of our own.
final class HighlightProvider {
    // A Swift optional type, not a value.
    // ok: secrets.generic.token-assignment
    private var tokenMap: SemanticTokenLegendMap?

    init(
        // ok: secrets.generic.token-assignment
        tokenMap: SemanticTokenLegendMap? = nil
    ) {}

    // A literal keeps being found.
    // ruleid: secrets.generic.token-assignment
    private let apiToken: String = "tK7mQ2xW9pL4vB8nR3jF6hD1sG5aZ0cE"
}

// Words in CamelCase ending in `?` under a password name may be a chosen password.
// ruleid: secrets.generic.password-assignment
let adminPassword = "CorrectHorse42Battery?"
