package com.tobacco.cmw.audit;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.DoubleStream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Draws one process instance's path on its BPMN diagram as SVG, for an auditor reading the history
 * of a finished or running instance: which flow nodes ran and how often (a count badge), which are
 * running now and which have or had an incident.
 *
 * <p>The drawing comes from the diagram interchange (DI) of the model's first {@code BPMNDiagram}:
 * shapes of participants, lanes and flow nodes, edges of sequence flows; elements without DI, text
 * annotations, data objects and message flows are not drawn. A model without a diagram gives a
 * small SVG saying so. The renderer needs nothing but the Camunda model API, so it can run wherever
 * the model can be read (no fonts, no AWT): text widths are estimated, a CJK character as 12 px and
 * any other as 6.5 px at font size 12, which is about what the CJK fonts named in the SVG give.
 *
 * <p>Precedence of the highlighting: an incident over running, running over done (count &gt; 0),
 * and anything else is "not run" in grey. A node counts as reached when it ran, runs or has an
 * incident (an incident or a running activity instance needs an execution that got there).
 *
 * <p><b>Taken sequence flows are an approximation.</b> Camunda's history records activity instances,
 * not the sequence flows an execution took. A flow is therefore drawn as taken when both its source
 * and its target were reached in the instance. This can mark a flow that was not taken: when a
 * gateway's branches meet again, the direct flow from the gateway to the join looks taken although
 * the instance went the other way round (e.g. {@code Flow_NoSighting} of the customer visit after a
 * sighting was reported).
 *
 * <p>The SVG is meant to be inlined in Cockpit's pages: every shape is a {@code <g>} with
 * {@code data-element-id} (the BPMN id) and a class ({@code done}, {@code running},
 * {@code incident}, {@code not-run}; flows {@code taken} or {@code not-taken}) and a {@code <title>}
 * shown on hover. All text is escaped, so names typed in the Modeler cannot break the markup.
 */
public final class ProcessDiagramSvg {

  private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
  /** Fonts with Chinese glyphs found on Chinese desktops and Linux servers, so no web font is needed. */
  private static final String FONT_FAMILY = "'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif";
  /** Font size of names inside activities; the character widths below are at this size. */
  private static final double FONT_SIZE = 12;
  /** Font size of the external labels of events, gateways and flows, as Camunda Modeler sizes them. */
  private static final double LABEL_FONT_SIZE = 11;
  /** A long activity name is shrunk down to this size before it is cut short with an ellipsis. */
  private static final double MIN_FONT_SIZE = 10;
  private static final double BADGE_FONT_SIZE = 10;
  private static final double WIDE_CHAR_WIDTH = 12;
  private static final double NARROW_CHAR_WIDTH = 6.5;
  /** Line height as a multiple of the font size. */
  private static final double LINE_HEIGHT = 1.25;
  private static final double PADDING = 5;
  /** Width that external labels are wrapped to, the same as in bpmn-js. */
  private static final double LABEL_WIDTH = 90;
  /**
   * Modeler measured its label bounds with real font metrics; ours are estimates, so a label may be
   * a character wider than its bounds before it is wrapped.
   */
  private static final double LABEL_SLACK = 12;
  private static final double MARGIN = 20;
  private static final String TEXT_COLOUR = "#212121";
  private static final String MUTED_TEXT_COLOUR = "#616161";
  private static final String CONTAINER_STROKE = "#9e9e9e";
  /** Marker ids carry a prefix: they are global to the HTML page the SVG is inlined in. */
  private static final String ARROW = "cmw-arrow";
  private static final String TAKEN_ARROW = "cmw-arrow-taken";
  private static final String DEFAULT_FLOW = "cmw-default-flow";
  /** Punctuation that must not start a line (Chinese typesetting); it may overhang the width instead. */
  private static final String CLOSING_PUNCTUATION = "，。、；：？！）》」』】〉,.;:?!)]}";

  private ProcessDiagramSvg() {}

  /**
   * @param model the deployed process definition's BPMN model
   * @param counts how often each flow node (activity id) ran in the instance; absent = never
   * @param running activity ids with an unfinished activity instance (highlighted differently)
   * @param incidents activity ids that have or had an incident
   * @return a standalone SVG document (no XML declaration, so it can be inlined in HTML as well)
   */
  public static String render(BpmnModelInstance model, Map<String, Long> counts, Set<String> running,
      Set<String> incidents) {
    Objects.requireNonNull(model, "model");
    History history = new History(Objects.requireNonNull(counts, "counts"), Objects.requireNonNull(running, "running"),
        Objects.requireNonNull(incidents, "incidents"));
    Optional<BpmnPlane> plane = firstPlane(model);
    String title = processName(model, plane.map(BpmnPlane::getBpmnElement).orElse(null));
    if (plane.isEmpty()) {
      return noDiagram(title);
    }
    List<BpmnShape> shapes = plane.get().getDiagramElements().stream()
        .filter(BpmnShape.class::isInstance).map(BpmnShape.class::cast)
        .filter(shape -> shape.getBounds() != null && layer(shape).isPresent())
        .sorted(Comparator.comparing((BpmnShape shape) -> layer(shape).orElseThrow())
            .thenComparingInt(shape -> depth(shape.getBpmnElement())))
        .toList();
    List<BpmnEdge> edges = plane.get().getDiagramElements().stream()
        .filter(BpmnEdge.class::isInstance).map(BpmnEdge.class::cast)
        .filter(edge -> edge.getBpmnElement() instanceof SequenceFlow && edge.getWaypoints().size() >= 2)
        .toList();
    if (shapes.isEmpty() && edges.isEmpty()) {
      return noDiagram(title);
    }

    Drawing drawing = new Drawing(history);
    // Containers first so that their fill lies under their content, then the flows (above the
    // containers they cross, below the activities they end at), then the nodes, boundary events last
    // so that they sit on top of their host's border.
    shapes.stream().filter(shape -> layer(shape).orElseThrow().isContainer()).forEach(drawing::shape);
    edges.forEach(drawing::flow);
    shapes.stream().filter(shape -> !layer(shape).orElseThrow().isContainer()).forEach(drawing::shape);
    return drawing.toSvg(title);
  }

  // ---------------------------------------------------------------- model

  /** The order in which shapes are drawn; a later layer is painted over an earlier one. */
  private enum Layer {
    PARTICIPANT, LANE, EXPANDED_SUB_PROCESS, FLOW_NODE, BOUNDARY_EVENT;

    boolean isContainer() {
      return this.compareTo(FLOW_NODE) < 0;
    }
  }

  /** The layer of a shape, or empty for what is not drawn (annotations, data objects, dangling DI). */
  private static Optional<Layer> layer(BpmnShape shape) {
    BaseElement element = shape.getBpmnElement();
    if (element instanceof Participant) {
      return Optional.of(Layer.PARTICIPANT);
    } else if (element instanceof Lane) {
      return Optional.of(Layer.LANE);
    } else if (element instanceof SubProcess && shape.isExpanded()) {
      return Optional.of(Layer.EXPANDED_SUB_PROCESS);
    } else if (element instanceof BoundaryEvent) {
      return Optional.of(Layer.BOUNDARY_EVENT);
    } else if (element instanceof FlowNode) {
      return Optional.of(Layer.FLOW_NODE);
    }
    return Optional.empty();
  }

  /** Nesting depth in the XML, so an outer sub-process or lane is drawn before an inner one. */
  private static int depth(ModelElementInstance element) {
    int depth = 0;
    for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      depth++;
    }
    return depth;
  }

  private static Optional<BpmnPlane> firstPlane(BpmnModelInstance model) {
    return model.getDefinitions().getBpmDiagrams().stream().findFirst().map(BpmnDiagram::getBpmnPlane);
  }

  /**
   * The name of the process the diagram shows: the plane's process, the first participant's process or
   * participant, else any process of the model; the first non-blank name, else the first id.
   */
  private static String processName(BpmnModelInstance model, BaseElement planeElement) {
    List<BaseElement> candidates = new ArrayList<>();
    if (planeElement instanceof Collaboration collaboration) {
      for (Participant participant : collaboration.getParticipants()) {
        Optional.ofNullable(participant.getProcess()).ifPresent(candidates::add);
        candidates.add(participant);
      }
    } else if (planeElement != null) {
      candidates.add(planeElement);
    }
    candidates.addAll(model.getModelElementsByType(Process.class));
    return candidates.stream().map(ProcessDiagramSvg::nameOf).filter(name -> !name.isBlank()).findFirst()
        .or(() -> candidates.stream().map(BaseElement::getId).filter(Objects::nonNull).findFirst())
        .orElse("BPMN");
  }

  private static String nameOf(BaseElement element) {
    String name = element.getAttributeValue("name");
    return name == null ? "" : name.strip();
  }

  /** "name (id)", or the id alone for an unnamed element. */
  private static String describe(BaseElement element) {
    String name = nameOf(element);
    return name.isEmpty() ? element.getId() : name + " (" + element.getId() + ")";
  }

  /** A flow with the slash marker: the default flow of its gateway or activity. */
  private static boolean isDefaultFlow(SequenceFlow flow) {
    FlowNode source = flow.getSource();
    SequenceFlow defaultFlow = null;
    if (source instanceof ExclusiveGateway gateway) {
      defaultFlow = gateway.getDefault();
    } else if (source instanceof InclusiveGateway gateway) {
      defaultFlow = gateway.getDefault();
    } else if (source instanceof ComplexGateway gateway) {
      defaultFlow = gateway.getDefault();
    } else if (source instanceof Activity activity) {
      defaultFlow = activity.getDefault();
    }
    return defaultFlow != null && defaultFlow.getId().equals(flow.getId());
  }

  // ---------------------------------------------------------------- history

  /** How a flow node is highlighted, in rising precedence. */
  private enum State {
    NOT_RUN("not-run", "#9e9e9e", "#ffffff", MUTED_TEXT_COLOUR),
    DONE("done", "#2e7d32", "#e8f5e9", TEXT_COLOUR),
    RUNNING("running", "#1565c0", "#e3f2fd", TEXT_COLOUR),
    INCIDENT("incident", "#c62828", "#ffebee", TEXT_COLOUR);

    final String cssClass;
    final String stroke;
    final String fill;
    final String text;

    State(String cssClass, String stroke, String fill, String text) {
      this.cssClass = cssClass;
      this.stroke = stroke;
      this.fill = fill;
      this.text = text;
    }
  }

  private record History(Map<String, Long> counts, Set<String> running, Set<String> incidents) {

    long count(String id) {
      Long count = counts.get(id);
      return count == null ? 0 : count;
    }

    State state(String id) {
      if (incidents.contains(id)) {
        return State.INCIDENT;
      } else if (running.contains(id)) {
        return State.RUNNING;
      }
      return count(id) > 0 ? State.DONE : State.NOT_RUN;
    }

    boolean reached(FlowNode node) {
      return node != null && state(node.getId()) != State.NOT_RUN;
    }
  }

  // ---------------------------------------------------------------- geometry and text

  private record Box(double x, double y, double width, double height) {

    static Box of(Bounds bounds) {
      return new Box(value(bounds.getX()), value(bounds.getY()), value(bounds.getWidth()), value(bounds.getHeight()));
    }

    private static double value(Double coordinate) {
      return coordinate == null ? 0 : coordinate;
    }

    double right() {
      return x + width;
    }

    double bottom() {
      return y + height;
    }

    double centerX() {
      return x + width / 2;
    }

    double centerY() {
      return y + height / 2;
    }

    Box union(Box other) {
      double left = Math.min(x, other.x);
      double top = Math.min(y, other.y);
      return new Box(left, top, Math.max(right(), other.right()) - left, Math.max(bottom(), other.bottom()) - top);
    }
  }

  /** Lines of text; {@code x} is the centre or the left edge depending on {@code anchor}. */
  private record TextBlock(List<String> lines, double x, double top, double fontSize, String anchor) {

    double lineHeight() {
      return fontSize * LINE_HEIGHT;
    }

    /** The baseline of line {@code i}, so that the line's letters sit in the middle of its line box. */
    double baseline(int i) {
      return top + i * lineHeight() + lineHeight() / 2 + 0.35 * fontSize;
    }

    Box box() {
      double width = lines.stream().mapToDouble(line -> textWidth(line, fontSize)).max().orElse(0);
      double left = "middle".equals(anchor) ? x - width / 2 : x;
      return new Box(left, top, width, lines.size() * lineHeight());
    }
  }

  /** East Asian wide characters (CJK ideographs, kana, hangul, full-width forms), as wcwidth counts them. */
  static boolean isWide(int codePoint) {
    return codePoint >= 0x1100 && codePoint <= 0x115F
        || codePoint >= 0x2E80 && codePoint <= 0xA4CF
        || codePoint >= 0xAC00 && codePoint <= 0xD7A3
        || codePoint >= 0xF900 && codePoint <= 0xFAFF
        || codePoint >= 0xFE30 && codePoint <= 0xFE4F
        || codePoint >= 0xFF00 && codePoint <= 0xFF60
        || codePoint >= 0xFFE0 && codePoint <= 0xFFE6
        || codePoint >= 0x20000 && codePoint <= 0x3FFFD;
  }

  /** Estimated width of a text in px. */
  static double textWidth(String text, double fontSize) {
    double atTwelve = text.codePoints().mapToDouble(c -> isWide(c) ? WIDE_CHAR_WIDTH : NARROW_CHAR_WIDTH).sum();
    return atTwelve * fontSize / FONT_SIZE;
  }

  /**
   * Breaks a text into lines no wider than {@code maxWidth}: Latin words at spaces, CJK text between
   * any two characters (it has no spaces), words longer than a line anywhere; line breaks in the
   * name (Modeler allows them) are kept.
   */
  static List<String> wrap(String text, double maxWidth, double fontSize) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.strip().split("\\R")) {
      StringBuilder line = new StringBuilder();
      for (String token : tokens(paragraph.strip(), maxWidth, fontSize)) {
        if (token.equals(" ")) {
          if (!line.isEmpty()) {
            line.append(' ');
          }
        } else if (line.isEmpty() || textWidth(line + token, fontSize) <= maxWidth || CLOSING_PUNCTUATION.contains(token)) {
          line.append(token);
        } else {
          lines.add(line.toString().strip());
          line = new StringBuilder(token);
        }
      }
      lines.add(line.toString().strip());
    }
    return lines;
  }

  /**
   * Wraps into as few lines as {@link #wrap} does, but with lines as even as possible: the narrowest
   * width that needs no more lines and breaks no word, so that no line is left with a lone character.
   */
  static List<String> balancedWrap(String text, double maxWidth, double fontSize) {
    List<String> lines = wrap(text, maxWidth, fontSize);
    double low = longestWordWidth(text, fontSize);
    double high = maxWidth;
    if (lines.size() < 2 || low >= high) {
      return lines;
    }
    for (int i = 0; i < 12; i++) {
      double middle = (low + high) / 2;
      if (wrap(text, middle, fontSize).size() <= lines.size()) {
        high = middle;
      } else {
        low = middle;
      }
    }
    return wrap(text, high, fontSize);
  }

  /** The width of the widest unit that is only broken if nothing else helps (a Latin word, an ${expression}). */
  static double longestWordWidth(String text, double fontSize) {
    return tokens(text, Double.MAX_VALUE, fontSize).stream().mapToDouble(token -> textWidth(token, fontSize)).max()
        .orElse(0);
  }

  /** The units a line may break between: a space, a word, or one wide character. */
  private static List<String> tokens(String paragraph, double maxWidth, double fontSize) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    paragraph.codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || isWide(c)) {
        addWord(tokens, word, maxWidth, fontSize);
        tokens.add(Character.isWhitespace(c) ? " " : Character.toString(c));
      } else {
        word.appendCodePoint(c);
      }
    });
    addWord(tokens, word, maxWidth, fontSize);
    return tokens;
  }

  /** Adds a word, cut into pieces that fit a line if it is too long for one (e.g. an ${expression}). */
  private static void addWord(List<String> tokens, StringBuilder word, double maxWidth, double fontSize) {
    StringBuilder piece = new StringBuilder();
    word.codePoints().forEach(c -> {
      if (!piece.isEmpty() && textWidth(piece + Character.toString(c), fontSize) > maxWidth) {
        tokens.add(piece.toString());
        piece.setLength(0);
      }
      piece.appendCodePoint(c);
    });
    if (!piece.isEmpty()) {
      tokens.add(piece.toString());
    }
    word.setLength(0);
  }

  /** The first {@code maxLines} lines, the last one ending in an ellipsis if anything was left out. */
  private static List<String> truncate(List<String> lines, int maxLines, double maxWidth, double fontSize) {
    if (lines.size() <= maxLines) {
      return lines;
    }
    List<String> kept = new ArrayList<>(lines.subList(0, Math.max(1, maxLines)));
    String last = kept.get(kept.size() - 1);
    while (!last.isEmpty() && textWidth(last + "…", fontSize) > maxWidth) {
      last = last.substring(0, last.offsetByCodePoints(last.length(), -1));
    }
    kept.set(kept.size() - 1, last + "…");
    return kept;
  }

  /** Coordinates with at most two decimals and no trailing zeros, whatever the default locale. */
  private static String number(double value) {
    return BigDecimal.valueOf(Math.round(value * 100) / 100.0).stripTrailingZeros().toPlainString();
  }

  // ---------------------------------------------------------------- drawing

  /** Draws shapes and flows into an SVG body and keeps the extent of everything drawn for the viewBox. */
  private static final class Drawing {

    private final History history;
    private final Svg svg = new Svg();
    private Box extent;

    Drawing(History history) {
      this.history = history;
    }

    void shape(BpmnShape shape) {
      BaseElement element = shape.getBpmnElement();
      if (element instanceof Participant || element instanceof Lane) {
        band(shape, element);
      } else if (element instanceof FlowNode node) {
        node(shape, node);
      }
    }

    /** A pool or lane: a plain rectangle with its name written upwards in the band on its left. */
    private void band(BpmnShape shape, BaseElement element) {
      Box box = Box.of(shape.getBounds());
      extend(box);
      String cssClass = element instanceof Participant ? "participant" : "lane";
      svg.start("g", "data-element-id", element.getId(), "class", cssClass);
      svg.element("title", describe(element));
      svg.empty("rect", "x", box.x(), "y", box.y(), "width", box.width(), "height", box.height(), "fill", "none",
          "stroke", CONTAINER_STROKE, "stroke-width", 1);
      String name = nameOf(element);
      if (!name.isEmpty()) {
        double bandWidth = 30;
        if (element instanceof Participant) {
          svg.empty("line", "x1", box.x() + bandWidth, "y1", box.y(), "x2", box.x() + bandWidth, "y2", box.bottom(),
              "stroke", CONTAINER_STROKE, "stroke-width", 1);
        }
        double x = box.x() + bandWidth / 2;
        double y = box.centerY();
        List<String> line = truncate(List.of(name.replaceAll("\\s+", " ")), 1, box.height() - 2 * PADDING, FONT_SIZE);
        svg.element("text", line.get(0), "x", x, "y", y + 0.35 * FONT_SIZE, "text-anchor", "middle",
            "transform", "rotate(-90 " + number(x) + " " + number(y) + ")", "fill", TEXT_COLOUR);
      }
      svg.end();
    }

    private void node(BpmnShape shape, FlowNode node) {
      Box box = Box.of(shape.getBounds());
      extend(box);
      State state = history.state(node.getId());
      long count = history.count(node.getId());
      svg.start("g", "data-element-id", node.getId(), "class", state.cssClass);
      svg.element("title", describe(node) + ": " + count + "×");
      if (node instanceof Event event) {
        event(event, box, state);
        externalLabel(shape, node, box, state.text);
      } else if (node instanceof Gateway gateway) {
        gateway(shape, gateway, box, state);
        externalLabel(shape, node, box, state.text);
      } else {
        activity(shape, node, box, state);
      }
      if (count > 0) {
        badge(box, count, state);
      }
      svg.end();
    }

    /** Start events thin, end events thick, intermediate and boundary events double; non-interrupting dashed. */
    private void event(Event event, Box box, State state) {
      double r = Math.min(box.width(), box.height()) / 2;
      double cx = box.centerX();
      double cy = box.centerY();
      boolean nonInterrupting = event instanceof BoundaryEvent boundary && !boundary.cancelActivity()
          || event instanceof StartEvent start && !start.isInterrupting();
      String dash = nonInterrupting ? "4 2" : null;
      if (event instanceof EndEvent) {
        circle(cx, cy, r - 1.5, state.fill, state.stroke, 4, null);
      } else if (event instanceof StartEvent) {
        circle(cx, cy, r, state.fill, state.stroke, 1.5, dash);
      } else {
        circle(cx, cy, r, state.fill, state.stroke, 1.5, dash);
        circle(cx, cy, r - 3, "none", state.stroke, 1, dash);
      }
    }

    /** A diamond with the marker of its kind: X exclusive (if the DI shows it), + parallel, O inclusive. */
    private void gateway(BpmnShape shape, Gateway gateway, Box box, State state) {
      double cx = box.centerX();
      double cy = box.centerY();
      double size = Math.min(box.width(), box.height());
      svg.empty("polygon", "points", points(cx, box.y(), box.right(), cy, cx, box.bottom(), box.x(), cy),
          "fill", state.fill, "stroke", state.stroke, "stroke-width", state == State.NOT_RUN ? 1.5 : 2,
          "stroke-linejoin", "round");
      double cross = size * 0.18;
      double plus = size * 0.25;
      String crossPath = "M" + points(cx - cross, cy - cross) + " L" + points(cx + cross, cy + cross)
          + " M" + points(cx + cross, cy - cross) + " L" + points(cx - cross, cy + cross);
      String plusPath = "M" + points(cx, cy - plus) + " L" + points(cx, cy + plus)
          + " M" + points(cx - plus, cy) + " L" + points(cx + plus, cy);
      // Camunda Modeler writes isMarkerVisible for exclusive gateways; without it bpmn-js and Cockpit
      // show no X, so neither do we.
      if (gateway instanceof ExclusiveGateway && shape.isMarkerVisible()) {
        path(crossPath, state.stroke, 3.5);
      } else if (gateway instanceof ParallelGateway) {
        path(plusPath, state.stroke, 3.5);
      } else if (gateway instanceof InclusiveGateway) {
        circle(cx, cy, size * 0.24, "none", state.stroke, 2.5, null);
      } else if (gateway instanceof ComplexGateway) {
        path(crossPath + " " + plusPath, state.stroke, 3);
      } else if (gateway instanceof EventBasedGateway) {
        circle(cx, cy, size * 0.26, "none", state.stroke, 1, null);
        circle(cx, cy, size * 0.21, "none", state.stroke, 1, null);
        double[] pentagon = new double[10];
        for (int i = 0; i < 5; i++) {
          double angle = Math.toRadians(-90 + 72 * i);
          pentagon[2 * i] = cx + size * 0.13 * Math.cos(angle);
          pentagon[2 * i + 1] = cy + size * 0.13 * Math.sin(angle);
        }
        svg.empty("polygon", "points", points(pentagon), "fill", "none", "stroke", state.stroke, "stroke-width", 1.5);
      }
    }

    /**
     * Tasks and call activities (thick border) with their name wrapped inside; an expanded sub-process
     * with its name at the top left; markers for a collapsed sub-process (+) and multi-instance (|||, ≡).
     */
    private void activity(BpmnShape shape, FlowNode node, Box box, State state) {
      boolean expanded = node instanceof SubProcess && shape.isExpanded();
      double strokeWidth = node instanceof CallActivity ? 4 : state == State.NOT_RUN ? 1.5 : 2;
      String dash = node instanceof SubProcess sub && sub.triggeredByEvent() ? "6 3" : null;
      svg.empty("rect", "x", box.x(), "y", box.y(), "width", box.width(), "height", box.height(), "rx", 10, "ry", 10,
          "fill", state.fill, "stroke", state.stroke, "stroke-width", strokeWidth, "stroke-dasharray", dash);

      boolean collapsed = node instanceof SubProcess && !expanded;
      MultiInstanceLoopCharacteristics multiInstance = node instanceof Activity activity
          && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop ? loop : null;
      double markerSize = 14;
      double markerTop = box.bottom() - markerSize - 4;
      int markerCount = (collapsed ? 1 : 0) + (multiInstance != null ? 1 : 0);
      double markerLeft = box.centerX() - markerCount * markerSize / 2 - (markerCount - 1) * 2;
      if (collapsed) {
        collapsedMarker(markerLeft, markerTop, markerSize, state.stroke);
        markerLeft += markerSize + 4;
      }
      if (multiInstance != null) {
        multiInstanceMarker(markerLeft, markerTop, markerSize, multiInstance.isSequential(), state.stroke);
      }

      String name = nameOf(node);
      if (name.isEmpty()) {
        return;
      }
      if (expanded) {
        double width = box.width() - 2 * PADDING - 20;
        text(new TextBlock(truncate(balancedWrap(name, width, FONT_SIZE), 2, width, FONT_SIZE), box.x() + 2 * PADDING,
            box.y() + PADDING, FONT_SIZE, "start"), state.text);
      } else {
        double bottomReserved = markerCount > 0 ? markerSize + 4 : 0;
        Box area = new Box(box.x() + PADDING, box.y() + PADDING, box.width() - 2 * PADDING,
            box.height() - 2 * PADDING - bottomReserved);
        text(fitted(name, area), state.text);
      }
    }

    /**
     * The name wrapped into the area at the largest font size from 12 down to 10 at which it fits
     * without breaking a word, cut short with an ellipsis only if it does not fit even at 10, centred
     * both ways.
     */
    private TextBlock fitted(String name, Box area) {
      double size = FONT_SIZE;
      List<String> lines = balancedWrap(name, area.width(), size);
      while (size > MIN_FONT_SIZE && (lines.size() * size * LINE_HEIGHT > area.height()
          || longestWordWidth(name, size) > area.width())) {
        size--;
        lines = balancedWrap(name, area.width(), size);
      }
      int maxLines = (int) Math.floor(area.height() / (size * LINE_HEIGHT));
      lines = truncate(lines, maxLines, area.width(), size);
      double top = area.centerY() - lines.size() * size * LINE_HEIGHT / 2;
      return new TextBlock(lines, area.centerX(), top, size, "middle");
    }

    private void collapsedMarker(double x, double y, double size, String stroke) {
      svg.empty("rect", "x", x, "y", y, "width", size, "height", size, "fill", "none", "stroke", stroke,
          "stroke-width", 1);
      double cx = x + size / 2;
      double cy = y + size / 2;
      double arm = size * 0.3;
      path("M" + points(cx - arm, cy) + " L" + points(cx + arm, cy) + " M" + points(cx, cy - arm) + " L"
          + points(cx, cy + arm), stroke, 1.5);
    }

    /** Three bars: upright for parallel instances, lying for sequential ones. */
    private void multiInstanceMarker(double x, double y, double size, boolean sequential, String stroke) {
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        double offset = size * (0.2 + 0.3 * i);
        d.append(sequential
            ? "M" + points(x, y + offset) + " L" + points(x + size, y + offset) + " "
            : "M" + points(x + offset, y) + " L" + points(x + offset, y + size) + " ");
      }
      path(d.toString().strip(), stroke, 2);
    }

    /** The name of an event or gateway at its DI label bounds, or centred below the shape. */
    private void externalLabel(BpmnShape shape, FlowNode node, Box box, String colour) {
      String name = nameOf(node);
      if (name.isEmpty()) {
        return;
      }
      text(label(name, labelBounds(shape.getBpmnLabel()), box.centerX(), box.bottom() + PADDING), colour);
    }

    private static Optional<Box> labelBounds(BpmnLabel label) {
      return Optional.ofNullable(label).map(BpmnLabel::getBounds).map(Box::of);
    }

    private static TextBlock label(String name, Optional<Box> bounds, double defaultCenterX, double defaultTop) {
      double width = bounds.map(b -> Math.max(LABEL_WIDTH, b.width() + LABEL_SLACK)).orElse(LABEL_WIDTH);
      List<String> lines = balancedWrap(name, width, LABEL_FONT_SIZE);
      return bounds.map(b -> new TextBlock(lines, b.centerX(), b.y(), LABEL_FONT_SIZE, "middle"))
          .orElseGet(() -> new TextBlock(lines, defaultCenterX, defaultTop, LABEL_FONT_SIZE, "middle"));
    }

    /** The count in a pill at the shape's top-right corner, in the colour of its highlighting. */
    private void badge(Box box, long count, State state) {
      String text = Long.toString(count);
      double height = 16;
      double width = Math.max(height, textWidth(text, BADGE_FONT_SIZE) + 8);
      Box pill = new Box(box.right() - width / 2 - 2, box.y() - height / 2 + 2, width, height);
      extend(pill);
      svg.start("g", "class", "badge");
      svg.empty("rect", "x", pill.x(), "y", pill.y(), "width", pill.width(), "height", pill.height(),
          "rx", height / 2, "ry", height / 2, "fill", state.stroke, "stroke", "#ffffff", "stroke-width", 1);
      svg.element("text", text, "x", pill.centerX(), "y", pill.centerY() + 0.35 * BADGE_FONT_SIZE,
          "font-size", BADGE_FONT_SIZE, "font-weight", "bold", "text-anchor", "middle", "fill", "#ffffff");
      svg.end();
    }

    /** A polyline through the waypoints with an arrow head; taken flows green and thicker. */
    void flow(BpmnEdge edge) {
      SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
      boolean taken = history.reached(flow.getSource()) && history.reached(flow.getTarget());
      List<double[]> points = edge.getWaypoints().stream().map(p -> new double[] {p.getX(), p.getY()}).toList();
      points.forEach(p -> extend(new Box(p[0], p[1], 0, 0)));
      String colour = taken ? State.DONE.stroke : State.NOT_RUN.stroke;

      svg.start("g", "data-element-id", flow.getId(), "class", taken ? "taken" : "not-taken");
      svg.element("title", describe(flow));
      svg.empty("polyline", "points", points(points.stream().flatMapToDouble(DoubleStream::of).toArray()),
          "fill", "none", "stroke", colour, "stroke-width", taken ? 3 : 1.5, "stroke-linejoin", "round",
          "marker-end", "url(#" + (taken ? TAKEN_ARROW : ARROW) + ")",
          "marker-start", isDefaultFlow(flow) ? "url(#" + DEFAULT_FLOW + ")" : null);
      String name = nameOf(flow);
      if (!name.isEmpty()) {
        double[] middle = halfway(points);
        text(label(name, labelBounds(edge.getBpmnLabel()), middle[0], middle[1] + 2), MUTED_TEXT_COLOUR);
      }
      svg.end();
    }

    /** The point halfway along a polyline, where an edge's name goes when the DI places it nowhere. */
    private static double[] halfway(List<double[]> points) {
      double length = 0;
      for (int i = 1; i < points.size(); i++) {
        length += Math.hypot(points.get(i)[0] - points.get(i - 1)[0], points.get(i)[1] - points.get(i - 1)[1]);
      }
      double remaining = length / 2;
      for (int i = 1; i < points.size(); i++) {
        double[] a = points.get(i - 1);
        double[] b = points.get(i);
        double segment = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (segment > 0 && remaining <= segment) {
          double t = remaining / segment;
          return new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])};
        }
        remaining -= segment;
      }
      return points.get(0);
    }

    // ------------------------------------------------------------ primitives

    private void text(TextBlock block, String colour) {
      extend(block.box());
      svg.start("text", "x", block.x(), "font-size", block.fontSize(), "text-anchor", block.anchor(), "fill", colour);
      for (int i = 0; i < block.lines().size(); i++) {
        svg.element("tspan", block.lines().get(i), "x", block.x(), "y", block.baseline(i));
      }
      svg.end();
    }

    private void circle(double cx, double cy, double r, String fill, String stroke, double width, String dash) {
      svg.empty("circle", "cx", cx, "cy", cy, "r", r, "fill", fill, "stroke", stroke, "stroke-width", width,
          "stroke-dasharray", dash);
    }

    private void path(String d, String stroke, double width) {
      svg.empty("path", "d", d, "fill", "none", "stroke", stroke, "stroke-width", width, "stroke-linecap", "round");
    }

    private static String points(double... coordinates) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < coordinates.length; i += 2) {
        out.append(i == 0 ? "" : " ").append(number(coordinates[i])).append(',').append(number(coordinates[i + 1]));
      }
      return out.toString();
    }

    private void extend(Box box) {
      extent = extent == null ? box : extent.union(box);
    }

    /** The document: size and viewBox from the extent of everything drawn plus a margin. */
    String toSvg(String title) {
      Box view = new Box(extent.x() - MARGIN, extent.y() - MARGIN, extent.width() + 2 * MARGIN,
          extent.height() + 2 * MARGIN);
      Svg document = new Svg();
      document.start("svg", "xmlns", SVG_NAMESPACE, "class", "process-diagram", "role", "img",
          "width", Math.ceil(view.width()), "height", Math.ceil(view.height()),
          "viewBox", number(view.x()) + " " + number(view.y()) + " " + number(Math.ceil(view.width())) + " "
              + number(Math.ceil(view.height())),
          "font-family", FONT_FAMILY, "font-size", FONT_SIZE);
      document.element("title", title);
      document.start("defs");
      arrowMarker(document, ARROW, State.NOT_RUN.stroke);
      arrowMarker(document, TAKEN_ARROW, State.DONE.stroke);
      // The slash across the start of a default flow; orient="auto" turns it with the first segment.
      document.start("marker", "id", DEFAULT_FLOW, "viewBox", "0 0 20 20", "refX", 0, "refY", 10,
          "markerWidth", 20, "markerHeight", 20, "markerUnits", "userSpaceOnUse", "orient", "auto");
      document.empty("path", "d", "M7,16 L13,4", "stroke", MUTED_TEXT_COLOUR, "stroke-width", 1.5);
      document.end();
      document.end();
      document.raw(svg.toString());
      document.end();
      return document.toString();
    }

    private static void arrowMarker(Svg document, String id, String colour) {
      // In user units, so that thicker taken flows do not get bigger arrows.
      document.start("marker", "id", id, "viewBox", "0 0 10 10", "refX", 10, "refY", 5, "markerWidth", 10,
          "markerHeight", 10, "markerUnits", "userSpaceOnUse", "orient", "auto");
      document.empty("path", "d", "M0,1 L10,5 L0,9 Z", "fill", colour);
      document.end();
    }
  }

  /** The small SVG for a model without a diagram: its process name and a note saying so. */
  static String noDiagram(String processName) {
    String message = "無流程圖 — " + processName + " has no BPMN diagram (no diagram)";
    double width = Math.ceil(textWidth(message, FONT_SIZE) + 2 * MARGIN);
    Svg svg = new Svg();
    svg.start("svg", "xmlns", SVG_NAMESPACE, "class", "no-diagram", "role", "img", "width", width, "height", 50,
        "viewBox", "0 0 " + number(width) + " 50", "font-family", FONT_FAMILY, "font-size", FONT_SIZE);
    svg.element("title", processName);
    svg.empty("rect", "x", 0.5, "y", 0.5, "width", width - 1, "height", 49, "rx", 6, "ry", 6, "fill", "#fafafa",
        "stroke", CONTAINER_STROKE);
    svg.element("text", message, "x", MARGIN, "y", 29, "fill", MUTED_TEXT_COLOUR);
    svg.end();
    return svg.toString();
  }

  // ---------------------------------------------------------------- XML

  /**
   * A minimal XML writer. Attributes are name/value pairs; a null value leaves the attribute out,
   * numbers are written by {@link #number}. Every value and text passes through {@link #escape}.
   */
  private static final class Svg {

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    void start(String tag, Object... attributes) {
      tag(tag, attributes);
      out.append('>');
      open.push(tag);
    }

    void empty(String tag, Object... attributes) {
      tag(tag, attributes);
      out.append("/>");
      newLine();
    }

    void element(String tag, String text, Object... attributes) {
      tag(tag, attributes);
      out.append('>').append(escape(text)).append("</").append(tag).append('>');
      newLine();
    }

    void end() {
      out.append("</").append(open.pop()).append('>');
      newLine();
    }

    /** Already written markup, e.g. the drawn body in the document that gets its viewBox last. */
    void raw(String markup) {
      out.append(markup);
    }

    private void tag(String tag, Object... attributes) {
      out.append('<').append(tag);
      for (int i = 0; i < attributes.length; i += 2) {
        Object value = attributes[i + 1];
        if (value != null) {
          String text = value instanceof Number n ? number(n.doubleValue()) : value.toString();
          out.append(' ').append(attributes[i]).append("=\"").append(escape(text)).append('"');
        }
      }
    }

    /**
     * One line per shape or flow keeps the output readable; no line breaks within one, as whitespace
     * between the {@code <tspan>}s of a {@code <text>} would be rendered as a space.
     */
    private void newLine() {
      if (!open.contains("g") && !open.contains("text")) {
        out.append('\n');
      }
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }

  /** Escapes the five XML special characters and drops characters XML 1.0 does not allow at all. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
              || c >= 0x10000 && c <= 0x10FFFF) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }
}
