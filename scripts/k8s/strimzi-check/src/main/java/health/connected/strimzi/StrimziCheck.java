package health.connected.strimzi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.strimzi.api.kafka.Crds;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every Strimzi resource of the YAML files given as arguments against Strimzi's own model
 * (io.strimzi:api), three ways:
 * 1. bound to its model class with FAIL_ON_UNKNOWN_PROPERTIES; the model keeps properties it does
 *    not know in `additionalProperties` (so an operator of another version round-trips them), so
 *    any such property anywhere in the bound object is an error too: a misspelt field would
 *    otherwise be ignored by the operator without a word;
 * 2. held to the model's constraints, the annotations Strimzi generates its CRD schemas from
 *    (required, minimum, maximum, pattern, minimum items, fields of other API versions,
 *    deprecated fields; the CRDs of Crds.kafka() ... carry no schema), its apiVersion served
 *    and not deprecated (Crds);
 * 3. cross-checked: each KafkaNodePool, KafkaTopic and KafkaUser names (label strimzi.io/cluster)
 *    a Kafka of the same files, and a topic's replicas fit the brokers of its cluster.
 * Documents of other API groups are left to the Kubernetes schema check (scripts/k8s); a Strimzi
 * kind this program does not know fails. Prints one line a resource and exits 1 on any error.
 */
public final class StrimziCheck {
  private static final String GROUP = "kafka.strimzi.io";
  private static final String CLUSTER_LABEL = "strimzi.io/cluster";

  private record Kind(Class<?> model, CustomResourceDefinition crd) {}

  private static final Map<String, Kind> KINDS = Map.of(
      "Kafka", new Kind(Kafka.class, Crds.kafka()),
      "KafkaNodePool", new Kind(KafkaNodePool.class, Crds.kafkaNodePool()),
      "KafkaTopic", new Kind(KafkaTopic.class, Crds.kafkaTopic()),
      "KafkaUser", new Kind(KafkaUser.class, Crds.kafkaUser()));

  private final List<String> errors = new ArrayList<>();
  private final ObjectMapper binder = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final Map<String, Integer> brokersByCluster = new LinkedHashMap<>();
  private final List<JsonNode> resources = new ArrayList<>();
  private final List<String> origins = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: StrimziCheck <file.yaml>...");
      System.exit(2);
    }
    StrimziCheck check = new StrimziCheck();
    for (String file : args) check.file(new File(file));
    check.crossCheck();
    for (String error : check.errors) System.out.println("error " + error);
    System.out.printf("strimzi-check: %d Strimzi resources checked, %d errors%n", check.resources.size(), check.errors.size());
    System.exit(check.errors.isEmpty() ? 0 : 1);
  }

  private void file(File file) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file)) {
      int index = 0;
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        index++;
        if (document == null || document.isNull() || document.isMissingNode()) continue;
        String apiVersion = document.path("apiVersion").asText("");
        if (!apiVersion.startsWith(GROUP + "/") && !apiVersion.contains("strimzi.io/")) continue;
        String where = file.getPath() + "#" + index + " " + document.path("kind").asText("?") + "/" + document.path("metadata").path("name").asText("?");
        resource(document, apiVersion, where);
      }
    }
  }

  private void resource(JsonNode document, String apiVersion, String where) {
    String kindName = document.path("kind").asText("");
    Kind kind = KINDS.get(kindName);
    if (kind == null || !apiVersion.startsWith(GROUP + "/")) {
      errors.add(where + ": " + apiVersion + " " + kindName + " is not a kind this check knows (Kafka, KafkaNodePool, KafkaTopic, KafkaUser)");
      return;
    }
    resources.add(document);
    origins.add(where);
    int before = errors.size();
    String version = apiVersion.substring(GROUP.length() + 1);
    CustomResourceDefinitionVersion crdVersion = kind.crd().getSpec().getVersions().stream()
        .filter(v -> v.getName().equals(version)).findFirst().orElse(null);
    if (crdVersion == null || !Boolean.TRUE.equals(crdVersion.getServed())) {
      errors.add(where + ": " + apiVersion + " is not served by Strimzi's " + kindName + " CRD");
      return;
    }
    if (Boolean.TRUE.equals(crdVersion.getDeprecated())) errors.add(where + ": " + apiVersion + " is deprecated for " + kindName);
    bind(document, kind.model(), version, where);
    metadata(document.path("metadata"), where);
    if (errors.size() == before) System.out.println("ok " + where + " (" + apiVersion + ")");
  }

  /** 1. The model: Jackson refuses what it cannot bind; what it kept aside as unknown is refused here. */
  private void bind(JsonNode document, Class<?> model, String version, String where) {
    Object bound;
    try {
      bound = binder.treeToValue(document, model);
    } catch (Exception e) {
      errors.add(where + ": not a valid " + model.getSimpleName() + ": " + e.getMessage().split("\n")[0]);
      return;
    }
    unknownProperties(bound, "", version, where, new IdentityHashMap<>());
  }

  private void unknownProperties(Object value, String path, String version, String where, IdentityHashMap<Object, Boolean> seen) {
    if (value == null || seen.put(value, Boolean.TRUE) != null) return;
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) unknownProperties(item, path + "[" + i++ + "]", version, where, seen);
      return;
    }
    if (value instanceof Map<?, ?> map) {
      // Free-form maps (labels, broker config) hold plain values, not model objects.
      for (Map.Entry<?, ?> entry : map.entrySet()) unknownProperties(entry.getValue(), path + "." + entry.getKey(), version, where, seen);
      return;
    }
    String pkg = value.getClass().getPackageName();
    if (!pkg.startsWith("io.strimzi.") && !pkg.startsWith("io.fabric8.")) return;
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) continue;
      String name = getter.getName();
      if (!name.startsWith("get") || name.equals("getClass")) continue;
      Object property;
      try {
        property = getter.invoke(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      if (name.equals("getAdditionalProperties")) {
        if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
          errors.add(where + ": " + (path.isEmpty() ? "(root)" : path.substring(1)) + ": unknown properties " + extra.keySet());
        }
        continue;
      }
      String child = path + "." + propertyName(getter, name);
      if (pkg.startsWith("io.strimzi.")) constraints(getter, property, child, version, where);
      unknownProperties(property, child, version, where, seen);
    }
  }

  /** The YAML name of a getter's property: its @JsonProperty name, or the bean name. */
  private static String propertyName(Method getter, String name) {
    JsonProperty json = getter.getAnnotation(JsonProperty.class);
    if (json != null && !json.value().isEmpty()) return json.value();
    String bean = name.substring(3);
    return bean.isEmpty() ? bean : Character.toLowerCase(bean.charAt(0)) + bean.substring(1);
  }

  /** Kubernetes object metadata: the CRD schema leaves it to the API server; the fields the operator needs. */
  private void metadata(JsonNode metadata, String where) {
    String name = metadata.path("name").asText("");
    if (!Pattern.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", name) || name.length() > 253) {
      errors.add(where + ": metadata.name '" + name + "' is not a DNS subdomain name");
    }
    if (!metadata.path("namespace").isTextual()) errors.add(where + ": metadata.namespace is required (the operator watches namespaces)");
  }

  /**
   * 2. The model's own constraints, the annotations Strimzi generates its CRD schemas from:
   * @JsonProperty(required), @Minimum, @Maximum, @Pattern, @MinimumItems (each for the API
   * versions it names), @PresentInVersions (a field of another API version is refused) and
   * @Deprecated (a deprecated field is refused: it is gone or going in the next API).
   */
  private void constraints(Method getter, Object value, String path, String version, String where) {
    for (Annotation annotation : getter.getAnnotations()) {
      String type = annotation.annotationType().getName();
      String at = path.substring(1);
      if (type.equals("com.fasterxml.jackson.annotation.JsonProperty") && Boolean.TRUE.equals(attribute(annotation, "required")) && value == null) {
        errors.add(where + ": " + at + ": is required");
      }
      if (type.equals("java.lang.Deprecated") && value != null) errors.add(where + ": " + at + ": is deprecated");
      if (!type.startsWith("io.strimzi.crdgenerator.annotations.")) continue;
      String simple = annotation.annotationType().getSimpleName();
      if (simple.equals("PresentInVersions")) {
        if (value != null && !inVersions(String.valueOf(attribute(annotation, "value")), version)) {
          errors.add(where + ": " + at + ": is not a field of " + version + " (only " + attribute(annotation, "value") + ")");
        }
        continue;
      }
      Object versions = attribute(annotation, "apiVersions");
      if (value == null || (versions != null && !inVersions(String.valueOf(versions), version))) continue;
      Object limit = attribute(annotation, "value");
      switch (simple) {
        case "Minimum" -> {
          if (value instanceof Number n && n.doubleValue() < ((Number) limit).doubleValue()) errors.add(where + ": " + at + ": must be >= " + limit);
        }
        case "Maximum" -> {
          if (value instanceof Number n && n.doubleValue() > ((Number) limit).doubleValue()) errors.add(where + ": " + at + ": must be <= " + limit);
        }
        case "MinimumItems" -> {
          if (value instanceof Collection<?> c && c.size() < ((Number) limit).intValue()) errors.add(where + ": " + at + ": needs at least " + limit + " items");
        }
        case "Pattern" -> {
          if (value instanceof String text && !Pattern.compile(String.valueOf(limit)).matcher(text).find()) errors.add(where + ": " + at + ": must match " + limit);
        }
        default -> { }
      }
    }
  }

  private static Object attribute(Annotation annotation, String name) {
    try {
      return annotation.annotationType().getMethod(name).invoke(annotation);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** Strimzi's API version ranges: "all", "v1beta2", "v1beta2+", "v1alpha1-v1beta2", or a comma list of these. */
  static boolean inVersions(String ranges, String version) {
    for (String range : ranges.split(",")) {
      String r = range.trim();
      if (r.equals("all")) return true;
      if (r.endsWith("+") && order(version) >= order(r.substring(0, r.length() - 1))) return true;
      int dash = r.indexOf('-');
      if (dash > 0 && order(version) >= order(r.substring(0, dash)) && order(version) <= order(r.substring(dash + 1))) return true;
      if (r.equals(version)) return true;
    }
    return false;
  }

  /** v1alpha1 < v1beta1 < v1beta2 < v1 < v2alpha1 ... */
  private static int order(String version) {
    java.util.regex.Matcher m = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?").matcher(version);
    if (!m.matches()) return -1;
    int stage = m.group(2) == null ? 2 : m.group(2).equals("alpha") ? 0 : 1;
    int minor = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return Integer.parseInt(m.group(1)) * 10_000 + stage * 1_000 + minor;
  }

  /** 3. References between the resources: a resource of an unknown cluster is silently ignored by the operator. */
  private void crossCheck() {
    for (JsonNode resource : resources) {
      if (!resource.path("kind").asText().equals("KafkaNodePool")) continue;
      boolean broker = false;
      for (JsonNode role : resource.path("spec").path("roles")) broker |= role.asText().equals("broker");
      if (broker) brokersByCluster.merge(resource.path("metadata").path("labels").path(CLUSTER_LABEL).asText(""), resource.path("spec").path("replicas").asInt(0), Integer::sum);
    }
    Set<String> clusters = new java.util.HashSet<>();
    for (JsonNode resource : resources) if (resource.path("kind").asText().equals("Kafka")) clusters.add(resource.path("metadata").path("name").asText());
    for (int i = 0; i < resources.size(); i++) {
      JsonNode resource = resources.get(i);
      if (resource.path("kind").asText().equals("Kafka")) continue;
      String cluster = resource.path("metadata").path("labels").path(CLUSTER_LABEL).asText("");
      if (!clusters.contains(cluster)) {
        errors.add(origins.get(i) + ": label " + CLUSTER_LABEL + " '" + cluster + "' names no Kafka of the checked files");
        continue;
      }
      if (resource.path("kind").asText().equals("KafkaTopic")) {
        int replicas = resource.path("spec").path("replicas").asInt(0);
        int brokers = brokersByCluster.getOrDefault(cluster, 0);
        if (replicas > brokers) errors.add(origins.get(i) + ": spec.replicas " + replicas + " exceeds the " + brokers + " brokers of " + cluster);
      }
    }
  }
}
