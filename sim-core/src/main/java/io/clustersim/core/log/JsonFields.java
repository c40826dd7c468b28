package io.clustersim.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes the fields of one log line with Jackson in a canonical form: keys in call order, integers
 * as integers, decimals without trailing zeros, null for absent values.
 */
public final class JsonFields {
  private final JsonGenerator json;

  JsonFields(JsonGenerator json) {
    this.json = json;
  }

  /** A string field; null is written as JSON null. */
  public JsonFields string(String name, String value) {
    try {
      json.writeFieldName(name);
      if (value == null) {
        json.writeNull();
      } else {
        json.writeString(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** An integer field. */
  public JsonFields number(String name, long value) {
    try {
      json.writeNumberField(name, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A duration in microseconds written as seconds with up to six decimals; negative is null. */
  public JsonFields seconds(String name, long micros) {
    try {
      json.writeFieldName(name);
      if (micros < 0) {
        json.writeNull();
      } else {
        json.writeNumber(BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Resources as an object of label to amount: {@code {"cpus":1.5,"cpus(analytics)":2,
   * "ports":"31000-31999"}}. Labels mark reservations as Mesos writes them.
   */
  public JsonFields resources(String name, Resources value) {
    try {
      json.writeObjectFieldStart(name);
      for (Resource r : value.entries()) {
        json.writeFieldName(r.label());
        if (r.isScalar()) {
          json.writeNumber(r.valueText());
        } else {
          json.writeString(r.valueText());
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
