@testable import MitraCLI
import Testing

@Suite struct HelpTests {
    @Test func rootHelpListsSubcommandsAndExamples() {
        let help = MitragraphCommand.helpMessage(columns: 100)
        #expect(help.contains("USAGE: mitragraph <subcommand>"))
        #expect(help.contains("build"))
        #expect(help.contains("export"))
        #expect(help.contains("Examples:"))
    }
}
