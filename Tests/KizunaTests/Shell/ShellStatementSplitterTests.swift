import Kizuna
import KizunaCypher
import KizunaStore
import Testing

struct ShellStatementSplitterTests {
  private func texts(_ input: String) -> [String] { StatementSplitter.split(input).statements.map(\.text) }

  @Test func splitsAtSemicolonsAndKeepsTheRest() {
    let split = StatementSplitter.split("RETURN 1; RETURN 2;\nMATCH (n)")
    #expect(split.statements.map(\.text) == ["RETURN 1", "RETURN 2"])
    #expect(split.remainder == "\nMATCH (n)")
    #expect(split.remainderHasContent)
    #expect(!split.endsInsideLiteral)
  }

  @Test func semicolonsInsideStringsDoNotEndStatements() {
    #expect(texts("RETURN ';' AS a; RETURN \"x;y\" AS b;") == ["RETURN ';' AS a", "RETURN \"x;y\" AS b"])
  }

  @Test func escapedQuotesStayInsideTheString() {
    #expect(
      texts(#"RETURN 'it\'s; fine' AS a; RETURN "say \"hi;\"" AS b;"#) == [
        #"RETURN 'it\'s; fine' AS a"#, #"RETURN "say \"hi;\"" AS b"#,
      ])
    // A backslash escaping a backslash does not escape the closing quote.
    #expect(texts(#"RETURN 'a\\'; RETURN 2;"#) == [#"RETURN 'a\\'"#, "RETURN 2"])
  }

  @Test func semicolonsInBackticksAndCommentsDoNotEndStatements() {
    #expect(texts("MATCH (n:`odd;label`) RETURN n;") == ["MATCH (n:`odd;label`) RETURN n"])
    #expect(
      texts("RETURN 1 // not here; nor here\n+ 1 AS two;") == ["RETURN 1 // not here; nor here\n+ 1 AS two"])
    #expect(texts("RETURN /* ; */ 3 AS three;") == ["RETURN /* ; */ 3 AS three"])
  }

  @Test func emptyStatementsAndBareCommentsAreSkipped() {
    #expect(texts(";; // just a comment\n;/* another */; RETURN 1;") == ["RETURN 1"])
    #expect(StatementSplitter.split("  // only a comment").remainderHasContent == false)
  }

  @Test func statementsKnowWhereTheyStart() {
    let split = StatementSplitter.split("RETURN 1;\n  MATCH (ß:Person)\n RETURN ß; RETURN 3;")
    #expect(split.statements.map(\.line) == [1, 2, 3])
    #expect(split.statements.map(\.column) == [1, 3, 12])
    #expect(split.statements[1].positionedText == "\n  MATCH (ß:Person)\n RETURN ß")
  }

  @Test func positionedTextMakesEngineErrorsPointIntoTheWholeInput() throws {
    let input = "RETURN 1;\nRETURN 2; RETURN nope;"
    let statement = try #require(StatementSplitter.split(input).statements.last)
    let engine = CypherEngine(database: Database())
    #expect(throws: CypherError.self) { try engine.run(statement.positionedText) }
    do {
      _ = try engine.run(statement.positionedText)
    } catch {
      #expect(error.line == 2)
      #expect(error.column == 18)
    }
  }

  @Test func completenessFollowsSemicolonsLiteralsAndCommands() {
    #expect(StatementSplitter.isComplete("RETURN 1;"))
    #expect(StatementSplitter.isComplete("RETURN 1; // trailing comment"))
    #expect(StatementSplitter.isComplete("   "))
    #expect(StatementSplitter.isComplete(":help"))
    #expect(!StatementSplitter.isComplete("RETURN 1"))
    #expect(!StatementSplitter.isComplete("RETURN 'open;"))
    #expect(!StatementSplitter.isComplete("RETURN 1; /* still open ;"))
    #expect(!StatementSplitter.isComplete("RETURN 1; RETURN 2"))
  }

  @Test func endsInsideLiteralIsReported() {
    #expect(StatementSplitter.split("RETURN 'abc").endsInsideLiteral)
    #expect(StatementSplitter.split("RETURN `abc").endsInsideLiteral)
    #expect(!StatementSplitter.split("RETURN 1 // 'abc").endsInsideLiteral)
  }

  @Test func remainderBecomesAStatement() throws {
    let split = StatementSplitter.split("RETURN 1;\n  RETURN 2 AS x  ")
    let last = try #require(split.remainderStatement)
    #expect(last == ShellStatement(text: "RETURN 2 AS x", line: 2, column: 3))
  }
}

struct ShellInputReaderTests {
  @Test func commandsAreLinesOutsideStatements() {
    var reader = ShellInputReader()
    #expect(reader.add(line: ":timing off") == [.directive(":timing off", line: 1)])
    #expect(reader.add(line: "MATCH (n)").isEmpty)
    #expect(reader.isInsideStatement)
    // Inside a statement, a line starting with ':' is Cypher (a label on its own line).
    #expect(reader.add(line: ":Person").isEmpty)
    #expect(
      reader.add(line: "RETURN n;") == [
        .statement(ShellStatement(text: "MATCH (n)\n:Person\nRETURN n", line: 2))
      ])
    #expect(!reader.isInsideStatement)
    #expect(reader.add(line: "  :params") == [.directive("  :params", line: 5)])
  }

  @Test func statementsOnOneLineComeInOrderWithTheirPositions() {
    var reader = ShellInputReader()
    #expect(reader.add(line: "") == [])
    #expect(
      reader.add(line: "RETURN 1; RETURN 2;") == [
        .statement(ShellStatement(text: "RETURN 1", line: 2, column: 1)),
        .statement(ShellStatement(text: "RETURN 2", line: 2, column: 11)),
      ])
  }

  @Test func theLastStatementMayGoWithoutSemicolon() {
    var reader = ShellInputReader()
    #expect(reader.add(line: "RETURN 1;").count == 1)
    #expect(reader.add(line: "").isEmpty)
    #expect(reader.add(line: "  RETURN 2").isEmpty)
    #expect(reader.finish() == [.statement(ShellStatement(text: "RETURN 2", line: 3, column: 3))])
    #expect(reader.finish().isEmpty)
  }

  @Test func aStringSpanningLinesIsOneStatement() {
    let inputs = ShellInputReader.inputs(in: "RETURN 'a\n:not a command;\nb' AS s;\n:help")
    #expect(
      inputs == [
        .statement(ShellStatement(text: "RETURN 'a\n:not a command;\nb' AS s", line: 1)),
        .directive(":help", line: 4),
      ])
  }
}
