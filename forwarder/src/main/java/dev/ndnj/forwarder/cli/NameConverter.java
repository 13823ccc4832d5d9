package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.Name;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an NDN name URI ({@code /a/b}, {@code ndn:/a/b}, {@code /a/v=3/seg=0}) from the command line. */
public final class NameConverter implements ITypeConverter<Name> {
  @Override
  public Name convert(String value) {
    String v = value.startsWith("ndn:") ? value.substring(4) : value;
    if (!v.startsWith("/")) {
      throw new TypeConversionException("'" + value + "' is not an NDN name (it must start with '/')");
    }
    try {
      return Name.parse(v);
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + value + "' is not an NDN name: " + e.getMessage());
    }
  }
}
