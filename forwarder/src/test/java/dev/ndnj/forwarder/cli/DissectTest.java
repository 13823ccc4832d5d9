package dev.ndnj.forwarder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DissectTest {
  /** Interest /a/b, Nonce 01020304, InterestLifetime 4000. */
  static final String INTEREST = "0512 0706080161080162 0a0401020304 0c020fa0";

  static final List<String> INTEREST_TREE = List.of(
      "Interest (5) length 18",
      "  Name (7) length 6: /a/b",
      "    GenericNameComponent (8) length 1: a",
      "    GenericNameComponent (8) length 1: b",
      "  Nonce (10) length 4: 01020304",
      "  InterestLifetime (12) length 2: 4000");

  record Run(int exitCode, List<String> out, String err) {}

  static Run run(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new NdnjCli(new ByteArrayInputStream(stdin)));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString().lines().toList(), err.toString());
  }

  static Run dissect(String stdin, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "dissect";
    System.arraycopy(args, 0, all, 1, args.length);
    return run(stdin.getBytes(StandardCharsets.US_ASCII), all);
  }

  static byte[] bytes(String hex) {
    return Hex.parse(hex.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void interestFromHexOnStdinPrintsTree() {
    Run r = dissect(INTEREST + "\n");
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(INTEREST_TREE, r.out());
  }

  @Test
  void hexMayHaveNewlinesAnd0xPrefixes() {
    Run r = dissect("0x0512\n  0x0706080161080162\r\n0a0401020304 0X0c020fa0\n");
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(INTEREST_TREE, r.out());
  }

  @Test
  void dataShowsNameComponentsMetaInfoAndSignature() {
    Run r = dissect("0657 0719 080161 0804612062 2f 0800 08022e2e 360107 320100 20026b7e"
        + " 140c 180100 19022710 1a03320105"
        + " 150568656c6c6f 16031b0100"
        + " 1720000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(List.of(
        "Data (6) length 87",
        "  Name (7) length 25: /a/a%20b%2F/.../...../v=7/seg=0/32=k~",
        "    GenericNameComponent (8) length 1: a",
        "    GenericNameComponent (8) length 4: a%20b%2F",
        "    GenericNameComponent (8) length 0: ...",
        "    GenericNameComponent (8) length 2: .....",
        "    VersionNameComponent (54) length 1: v=7",
        "    SegmentNameComponent (50) length 1: seg=0",
        "    KeywordNameComponent (32) length 2: 32=k~",
        "  MetaInfo (20) length 12",
        "    ContentType (24) length 1: 0 (Blob)",
        "    FreshnessPeriod (25) length 2: 10000",
        "    FinalBlockId (26) length 3",
        "      SegmentNameComponent (50) length 1: seg=5",
        "  Content (21) length 5: 68656c6c6f",
        "  SignatureInfo (22) length 3",
        "    SignatureType (27) length 1: 0 (DigestSha256)",
        "  SignatureValue (23) length 32: 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
        r.out());
  }

  @Test
  void typedComponentsUseNamingConventions() {
    String digest = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    Run r = dissect("075b 080178 0120" + digest + " 0220" + digest
        + " 380203e8 3a0109 340110 3a03010203 fd01000100");
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(List.of(
        "Name (7) length 91: /x/sha256digest=" + digest + "/params-sha256=" + digest
            + "/t=1000/seq=9/off=16/58=%01%02%03/256=%00",
        "  GenericNameComponent (8) length 1: x",
        "  ImplicitSha256DigestComponent (1) length 32: sha256digest=" + digest,
        "  ParametersSha256DigestComponent (2) length 32: params-sha256=" + digest,
        "  TimestampNameComponent (56) length 2: t=1000",
        "  SequenceNumNameComponent (58) length 1: seq=9",
        "  ByteOffsetNameComponent (52) length 1: off=16",
        "  SequenceNumNameComponent (58) length 3: 58=%01%02%03",
        "  NameComponent (256) length 1: 256=%00"),
        r.out());
  }

  @Test
  void lpPacketNackRecursesIntoTheInterestInItsFragment() {
    Run r = dissect("641f fd032005fd03210196 5014" + INTEREST);
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(List.of(
        "LpPacket (100) length 31",
        "  Nack (800) length 5",
        "    NackReason (801) length 1: 150 (NoRoute)",
        "  Fragment (80) length 20",
        "    Interest (5) length 18",
        "      Name (7) length 6: /a/b",
        "        GenericNameComponent (8) length 1: a",
        "        GenericNameComponent (8) length 1: b",
        "      Nonce (10) length 4: 01020304",
        "      InterestLifetime (12) length 2: 4000"),
        r.out());
  }

  @Test
  void pieceOfAFragmentedPacketIsShownAsHex() {
    Run r = dissect("6415 5108000000000000002a 520100 530102 5003 051207");
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(List.of(
        "LpPacket (100) length 21",
        "  Sequence (81) length 8: 42",
        "  FragIndex (82) length 1: 0",
        "  FragCount (83) length 1: 2",
        "  Fragment (80) length 3: 051207"),
        r.out());
  }

  @Test
  void managementAndDelegationNumbersOnlyCountInTheirContainers() {
    Run r = dissect("6536 660200c8 67024f4b 682c 0703080161 690105 6b0d070b080962657374726f757465"
        + " 7213756470343a2f2f312e322e332e343a36333633  690105  1e0a 1f08 1e010a 0703080168");
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(List.of(
        "ControlResponse (101) length 54",
        "  StatusCode (102) length 2: 200",
        "  StatusText (103) length 2: \"OK\"",
        "  ControlParameters (104) length 44",
        "    Name (7) length 3: /a",
        "      GenericNameComponent (8) length 1: a",
        "    FaceId (105) length 1: 5",
        "    Strategy (107) length 13",
        "      Name (7) length 11: /bestroute",
        "        GenericNameComponent (8) length 9: bestroute",
        "    Uri (114) length 19: \"udp4://1.2.3.4:6363\"",
        "Unknown (105) length 1: 05",
        "ForwardingHint (30) length 10",
        "  LinkDelegation (31) length 8",
        "    Preference (30) length 1: 10",
        "    Name (7) length 3: /h",
        "      GenericNameComponent (8) length 1: h"),
        r.out());
  }

  @Test
  void longOpaqueValuesAreTruncatedWithTheirSize() {
    Run r = dissect("1528" + "ab".repeat(40));
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(List.of("Content (21) length 40: " + "ab".repeat(32) + "... (40 bytes)"), r.out());
  }

  @Test
  void concatenatedElementsAreAllPrinted() {
    Run r = dissect(INTEREST + "\n" + INTEREST + "\n");
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(12, r.out().size());
    assertEquals(INTEREST_TREE, r.out().subList(6, 12));
  }

  @Test
  void truncatedPacketIsAnErrorNamingTheOffset() {
    Run r = dissect("0512 0706080161080162 0a0401");
    assertEquals(1, r.exitCode());
    assertEquals(List.of("ERROR: Interest: TLV-LENGTH 18 exceeds the 11 remaining octets, at offset 1"), r.out());
  }

  @Test
  void malformedInnerElementPrintsTheTreeUpToTheBreak() {
    Run r = dissect("050d 0706080161080162 0a05010203");
    assertEquals(1, r.exitCode());
    assertEquals(List.of(
        "Interest (5) length 13",
        "  Name (7) length 6: /a/b",
        "    GenericNameComponent (8) length 1: a",
        "    GenericNameComponent (8) length 1: b",
        "ERROR: Nonce: TLV-LENGTH 5 exceeds the 3 remaining octets, at offset 11"),
        r.out());
  }

  @Test
  void nonMinimalVarNumberIsRejected() {
    Run length = dissect("05fd0012 0706080161080162 0a0401020304 0c020fa0");
    assertEquals(1, length.exitCode());
    assertEquals(List.of("ERROR: Interest: TLV-LENGTH not in shortest form, at offset 1"), length.out());

    Run type = dissect(INTEREST + " fd0005 00");
    assertEquals(1, type.exitCode());
    assertEquals(INTEREST_TREE, type.out().subList(0, 6));
    assertEquals("ERROR: input: TLV-TYPE not in shortest form, at offset 20", type.out().get(6));
  }

  @Test
  void badNonNegativeIntegerLengthIsAnError() {
    Run r = dissect("0c03000001");
    assertEquals(1, r.exitCode());
    assertTrue(r.out().get(0).startsWith("ERROR: InterestLifetime: NonNegativeInteger of length 3"), r.out()::toString);
  }

  @Test
  void binaryInputIsDetectedFromAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("interest.bin");
    Files.write(file, bytes(INTEREST));
    Run r = run(new byte[0], "dissect", file.toString());
    assertEquals(0, r.exitCode(), () -> r.out() + r.err());
    assertEquals(INTEREST_TREE, r.out());
  }

  @Test
  void binaryOnStdinAndForcedFormats() {
    Run binary = run(bytes(INTEREST), "dissect", "-");
    assertEquals(INTEREST_TREE, binary.out());

    Run forcedHex = run(bytes(INTEREST), "dissect", "--hex");
    assertEquals(1, forcedHex.exitCode());
    assertTrue(forcedHex.err().startsWith("ERROR: not a hex digit: byte 0x05 at character 0"), forcedHex.err());

    Run forcedBinary = dissect("05", "--binary");
    assertEquals(1, forcedBinary.exitCode());
    assertEquals(List.of("ERROR: TLV-TYPE 48: TLV-LENGTH 53 exceeds the 0 remaining octets, at offset 1"),
        forcedBinary.out());
  }

  @Test
  void badHexAndEmptyInputAndMissingFileFail() {
    Run bad = dissect("05 0g");
    assertEquals(1, bad.exitCode());
    assertEquals("ERROR: not a hex digit: 'g' at character 4 (use --binary for raw input)", bad.err().strip());

    Run odd = dissect("051");
    assertEquals(1, odd.exitCode());
    assertEquals("ERROR: odd number of hex digits", odd.err().strip());

    Run empty = dissect(" \n");
    assertEquals(1, empty.exitCode());
    assertEquals("ERROR: no input", empty.err().strip());

    Run missing = dissect("", "/no/such/file.hex");
    assertEquals(1, missing.exitCode());
    assertEquals("ERROR: no such file: /no/such/file.hex", missing.err().strip());
  }

  @Test
  void helpAndVersionWorkOnEveryCommand() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"dissect", "--help"})) {
      Run r = run(new byte[0], args);
      assertEquals(0, r.exitCode());
      assertTrue(r.out().get(0).startsWith("Usage: ndnj"), r.out()::toString);
    }
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"dissect", "--version"})) {
      Run r = run(new byte[0], args);
      assertEquals(0, r.exitCode());
      assertTrue(r.out().get(0).matches("ndnj \\d+\\.\\d+\\.\\d+.*"), r.out()::toString);
    }
  }
}
