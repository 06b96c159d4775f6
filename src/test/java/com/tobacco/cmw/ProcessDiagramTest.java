package com.tobacco.cmw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The diagrams of every {@code processes/*.bpmn} as Camunda Modeler should show them, rule by rule
 * and file by file: one shape or edge per element, edges that start and end at their shapes,
 * boundary events on their host's border, no shapes on top of each other, edges that do not run
 * through other shapes, labels next to what they name and covering nothing, names where {@code .bpmnlintrc}
 * ({@code label-required}) wants them, and ids of the form {@code Kind_Name}. Each failure lists
 * every defect of the file, so one run shows all that needs fixing in the Modeler.
 */
class ProcessDiagramTest {

  static final Path FOLDER = Path.of("processes");
  /** How far (px) an edge's end may lie from its shape's border. */
  static final double DOCKING_TOLERANCE = 5;
  /** How far (px) an external label may lie from what it names. */
  static final double LABEL_DISTANCE = 40;

  record Diagram(String file, BpmnModelInstance model) {
    @Override
    public String toString() {
      return file;
    }
  }

  record Rule(String name, BiConsumer<Diagram, List<String>> check) {}

  static final List<Rule> RULES = List.of(
      new Rule("every element has exactly one shape or edge", ProcessDiagramTest::oneDiagramElementEach),
      new Rule("every edge starts and ends at the border of its source and target", ProcessDiagramTest::edgesDock),
      new Rule("boundary events sit on their host's border", ProcessDiagramTest::boundaryEventsOnBorder),
      new Rule("no two shapes of one container overlap", ProcessDiagramTest::noOverlaps),
      new Rule("no edge runs through a shape it does not connect", ProcessDiagramTest::noEdgeThroughShapes),
      new Rule("external labels sit next to what they name", ProcessDiagramTest::labelsNearby),
      new Rule("labels cover no shape, no other label and no edge", ProcessDiagramTest::labelsUncovered),
      new Rule("elements are named where bpmnlint's label-required wants a name", ProcessDiagramTest::named),
      new Rule("ids follow Kind_Name", ProcessDiagramTest::idsFollowKindName));

  @TestFactory
  Stream<DynamicContainer> everyProcessDiagram() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(FOLDER)) {
      files = list.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(files).as("BPMN files in " + FOLDER.toAbsolutePath()).isNotEmpty();
    return files.stream().map(ProcessDiagramTest::read).map(diagram -> DynamicContainer.dynamicContainer(diagram.file(),
        RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.name(), () -> {
          List<String> defects = new ArrayList<>();
          rule.check().accept(diagram, defects);
          assertThat(defects).as(diagram.file() + ": " + rule.name()).isEmpty();
        }))));
  }

  static Diagram read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new Diagram(file.getFileName().toString(), Bpmn.readModelFromStream(in));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- rules

  static void oneDiagramElementEach(Diagram d, List<String> defects) {
    Map<String, Integer> shapes = new HashMap<>();
    for (BpmnShape s : d.model().getModelElementsByType(BpmnShape.class)) {
      if (s.getBpmnElement() == null) {
        defects.add("shape " + s.getId() + " refers to no element");
      } else {
        shapes.merge(s.getBpmnElement().getId(), 1, Integer::sum);
      }
    }
    Map<String, Integer> edges = new HashMap<>();
    for (BpmnEdge e : d.model().getModelElementsByType(BpmnEdge.class)) {
      if (e.getBpmnElement() == null) {
        defects.add("edge " + e.getId() + " refers to no element");
      } else {
        edges.merge(e.getBpmnElement().getId(), 1, Integer::sum);
      }
    }
    for (FlowNode n : d.model().getModelElementsByType(FlowNode.class)) {
      int count = shapes.getOrDefault(n.getId(), 0);
      if (count != 1) {
        defects.add(n.getId() + " has " + count + " shapes");
      }
    }
    for (Class<? extends BaseElement> type : List.of(Lane.class, Participant.class)) {
      for (BaseElement e : d.model().getModelElementsByType(type)) {
        int count = shapes.getOrDefault(e.getId(), 0);
        if (count != 1) {
          defects.add(e.getId() + " has " + count + " shapes");
        }
      }
    }
    for (SequenceFlow f : d.model().getModelElementsByType(SequenceFlow.class)) {
      int count = edges.getOrDefault(f.getId(), 0);
      if (count != 1) {
        defects.add(f.getId() + " has " + count + " edges");
      }
    }
  }

  static void edgesDock(Diagram d, List<String> defects) {
    Map<String, Bounds> bounds = bounds(d);
    for (BpmnEdge e : d.model().getModelElementsByType(BpmnEdge.class)) {
      if (!(e.getBpmnElement() instanceof SequenceFlow f)) {
        continue;
      }
      List<Waypoint> points = new ArrayList<>(e.getWaypoints());
      if (points.size() < 2) {
        defects.add(f.getId() + " has " + points.size() + " waypoints");
        continue;
      }
      Waypoint first = points.get(0);
      Waypoint last = points.get(points.size() - 1);
      Bounds source = bounds.get(f.getSource().getId());
      Bounds target = bounds.get(f.getTarget().getId());
      if (source != null && distanceToBorder(source, first.getX(), first.getY()) > DOCKING_TOLERANCE) {
        defects.add(f.getId() + " starts at (" + first.getX() + "," + first.getY() + "), away from " + f.getSource().getId()
            + " " + describe(source));
      }
      if (target != null && distanceToBorder(target, last.getX(), last.getY()) > DOCKING_TOLERANCE) {
        defects.add(f.getId() + " ends at (" + last.getX() + "," + last.getY() + "), away from " + f.getTarget().getId()
            + " " + describe(target));
      }
    }
  }

  static void boundaryEventsOnBorder(Diagram d, List<String> defects) {
    Map<String, Bounds> bounds = bounds(d);
    for (BoundaryEvent b : d.model().getModelElementsByType(BoundaryEvent.class)) {
      Bounds event = bounds.get(b.getId());
      Bounds host = bounds.get(b.getAttachedTo().getId());
      if (event == null || host == null) {
        continue;
      }
      boolean touches = overlap(event, host);
      boolean inside = event.getX() > host.getX() && event.getY() > host.getY()
          && right(event) < right(host) && bottom(event) < bottom(host);
      if (!touches || inside) {
        defects.add(b.getId() + " " + describe(event) + " is not on the border of " + b.getAttachedTo().getId() + " "
            + describe(host));
      }
    }
  }

  static void noOverlaps(Diagram d, List<String> defects) {
    Map<String, Bounds> bounds = bounds(d);
    List<FlowNode> nodes = new ArrayList<>(d.model().getModelElementsByType(FlowNode.class));
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode a = nodes.get(i);
        FlowNode b = nodes.get(j);
        if (a.getParentElement() != b.getParentElement() || attached(a, b) || attached(b, a)) {
          continue;
        }
        Bounds ba = bounds.get(a.getId());
        Bounds bb = bounds.get(b.getId());
        if (ba != null && bb != null && overlap(ba, bb)) {
          defects.add(a.getId() + " " + describe(ba) + " overlaps " + b.getId() + " " + describe(bb));
        }
      }
    }
  }

  /** No segment of an edge crosses the inside of a flow node's shape other than its own source and target. */
  static void noEdgeThroughShapes(Diagram d, List<String> defects) {
    Map<String, Bounds> bounds = bounds(d);
    Collection<FlowNode> nodes = d.model().getModelElementsByType(FlowNode.class);
    for (BpmnEdge e : d.model().getModelElementsByType(BpmnEdge.class)) {
      if (!(e.getBpmnElement() instanceof SequenceFlow f)) {
        continue;
      }
      List<Waypoint> points = new ArrayList<>(e.getWaypoints());
      for (FlowNode n : nodes) {
        if (n == f.getSource() || n == f.getTarget() || encloses(n, f) || attached(f.getSource(), n)
            || attached(f.getTarget(), n)) {
          continue;
        }
        Bounds b = bounds.get(n.getId());
        if (b == null) {
          continue;
        }
        for (int i = 1; i < points.size(); i++) {
          if (segmentCrossesInside(points.get(i - 1), points.get(i), b)) {
            defects.add(f.getId() + " runs through " + n.getId() + " " + describe(b));
            break;
          }
        }
      }
    }
  }

  /** Events, gateways and named sequence flows carry their label outside; it belongs next to them. */
  static void labelsNearby(Diagram d, List<String> defects) {
    for (BpmnShape s : d.model().getModelElementsByType(BpmnShape.class)) {
      if (!(s.getBpmnElement() instanceof Event || s.getBpmnElement() instanceof Gateway)) {
        continue;
      }
      String name = ((FlowNode) s.getBpmnElement()).getName();
      if (name == null || name.isBlank()) {
        continue;
      }
      if (s.getBpmnLabel() == null || s.getBpmnLabel().getBounds() == null) {
        defects.add(s.getBpmnElement().getId() + " has a name but no label position");
        continue;
      }
      double distance = distance(s.getBpmnLabel().getBounds(), s.getBounds());
      if (distance > LABEL_DISTANCE) {
        defects.add(s.getBpmnElement().getId() + "'s label " + describe(s.getBpmnLabel().getBounds()) + " is "
            + Math.round(distance) + " px from its shape " + describe(s.getBounds()));
      }
    }
    for (BpmnEdge e : d.model().getModelElementsByType(BpmnEdge.class)) {
      if (!(e.getBpmnElement() instanceof SequenceFlow f) || f.getName() == null || f.getName().isBlank()) {
        continue;
      }
      if (e.getBpmnLabel() == null || e.getBpmnLabel().getBounds() == null) {
        defects.add(f.getId() + " has a name but no label position");
        continue;
      }
      Bounds label = e.getBpmnLabel().getBounds();
      List<Waypoint> points = new ArrayList<>(e.getWaypoints());
      double nearest = Double.MAX_VALUE;
      for (int i = 1; i < points.size(); i++) {
        nearest = Math.min(nearest, distance(label, points.get(i - 1), points.get(i)));
      }
      if (nearest > LABEL_DISTANCE) {
        defects.add(f.getId() + "'s label " + describe(label) + " is " + Math.round(nearest) + " px from its edge");
      }
    }
  }

  static void labelsUncovered(Diagram d, List<String> defects) {
    Map<String, Bounds> labels = new HashMap<>();
    for (BpmnShape s : d.model().getModelElementsByType(BpmnShape.class)) {
      if (s.getBpmnLabel() != null && s.getBpmnLabel().getBounds() != null && s.getBpmnElement() != null) {
        labels.put(s.getBpmnElement().getId(), s.getBpmnLabel().getBounds());
      }
    }
    for (BpmnEdge e : d.model().getModelElementsByType(BpmnEdge.class)) {
      if (e.getBpmnLabel() != null && e.getBpmnLabel().getBounds() != null && e.getBpmnElement() != null) {
        labels.put(e.getBpmnElement().getId(), e.getBpmnLabel().getBounds());
      }
    }
    Map<String, Bounds> shapes = bounds(d);
    List<String> ids = labels.keySet().stream().sorted().toList();
    for (String id : ids) {
      Bounds label = labels.get(id);
      for (FlowNode n : d.model().getModelElementsByType(FlowNode.class)) {
        Bounds shape = shapes.get(n.getId());
        if (!(n instanceof SubProcess) && !n.getId().equals(id) && shape != null && overlap(label, shape)) {
          defects.add("the label of " + id + " " + describe(label) + " covers " + n.getId() + " " + describe(shape));
        }
      }
    }
    for (String id : ids) {
      for (BpmnEdge e : d.model().getModelElementsByType(BpmnEdge.class)) {
        if (e.getBpmnElement() == null || e.getBpmnElement().getId().equals(id)) {
          continue;
        }
        List<Waypoint> points = new ArrayList<>(e.getWaypoints());
        for (int i = 1; i < points.size(); i++) {
          if (segmentCrossesInside(points.get(i - 1), points.get(i), labels.get(id), 1)) {
            defects.add("the label of " + id + " " + describe(labels.get(id)) + " lies on " + e.getBpmnElement().getId());
            break;
          }
        }
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        if (overlap(labels.get(ids.get(i)), labels.get(ids.get(j)))) {
          defects.add("the labels of " + ids.get(i) + " and " + ids.get(j) + " overlap");
        }
      }
    }
  }

  /**
   * As bpmnlint's {@code label-required}: every flow node named except parallel, event-based and
   * joining gateways; a sequence flow named when it has a condition or leaves a forking exclusive
   * or inclusive gateway (the default flow too). Unlike the rule, sub-processes are named as well.
   */
  static void named(Diagram d, List<String> defects) {
    for (FlowNode n : d.model().getModelElementsByType(FlowNode.class)) {
      if (n instanceof ParallelGateway || n instanceof EventBasedGateway
          || (n instanceof Gateway && n.getOutgoing().size() <= 1)) {
        continue;
      }
      if (blank(n.getName())) {
        defects.add(n.getElementType().getTypeName() + " " + n.getId() + " has no name");
      }
    }
    for (SequenceFlow f : d.model().getModelElementsByType(SequenceFlow.class)) {
      boolean fromFork = f.getSource() instanceof Gateway && !(f.getSource() instanceof ParallelGateway)
          && !(f.getSource() instanceof EventBasedGateway) && f.getSource().getOutgoing().size() > 1;
      if ((f.getConditionExpression() != null || fromFork) && blank(f.getName())) {
        defects.add("sequence flow " + f.getId() + " from " + f.getSource().getId() + " has no name");
      }
    }
    for (Class<? extends BaseElement> type : List.of(Lane.class, Participant.class)) {
      for (BaseElement e : d.model().getModelElementsByType(type)) {
        if (blank(e.getAttributeValue("name"))) {
          defects.add(e.getId() + " has no name");
        }
      }
    }
  }

  static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

  static void idsFollowKindName(Diagram d, List<String> defects) {
    for (FlowElement e : d.model().getModelElementsByType(FlowElement.class)) {
      String kind = kind(e);
      if (kind == null) {
        continue;
      }
      String id = e.getId();
      if (!id.startsWith(kind + "_") || !NAME.matcher(id.substring(kind.length() + 1)).matches()) {
        defects.add(e.getElementType().getTypeName() + " " + id + " should be " + kind + "_Name");
      }
    }
    for (BaseElement e : d.model().getModelElementsByType(Lane.class)) {
      if (!e.getId().matches("Lane_[A-Z][A-Za-z0-9]*")) {
        defects.add("lane " + e.getId() + " should be Lane_Name");
      }
    }
    for (BaseElement e : d.model().getModelElementsByType(Participant.class)) {
      if (!e.getId().matches("Participant_[A-Z][A-Za-z0-9]*")) {
        defects.add("participant " + e.getId() + " should be Participant_Name");
      }
    }
  }

  static String kind(FlowElement e) {
    if (e instanceof SequenceFlow) {
      return "Flow";
    }
    if (e instanceof SubProcess) {
      return "SubProcess";
    }
    if (e instanceof CallActivity) {
      return "CallActivity";
    }
    if (e instanceof Task) {
      return "Task";
    }
    if (e instanceof Gateway) {
      return "Gateway";
    }
    if (e instanceof StartEvent) {
      return "StartEvent";
    }
    if (e instanceof EndEvent) {
      return "EndEvent";
    }
    if (e instanceof BoundaryEvent) {
      return "BoundaryEvent";
    }
    if (e instanceof IntermediateCatchEvent || e instanceof IntermediateThrowEvent) {
      return "Event";
    }
    return null;
  }

  // ---------------------------------------------------------------- geometry

  static Map<String, Bounds> bounds(Diagram d) {
    Map<String, Bounds> bounds = new HashMap<>();
    for (BpmnShape s : d.model().getModelElementsByType(BpmnShape.class)) {
      if (s.getBpmnElement() != null) {
        bounds.put(s.getBpmnElement().getId(), s.getBounds());
      }
    }
    return bounds;
  }

  static boolean attached(FlowNode maybeBoundary, FlowNode host) {
    return maybeBoundary instanceof BoundaryEvent b && b.getAttachedTo() == host;
  }

  /** The node is a sub-process the flow lies in (at any depth). */
  static boolean encloses(FlowNode node, SequenceFlow flow) {
    for (ModelElementInstance p = flow.getParentElement(); p != null; p = p.getParentElement()) {
      if (p == node) {
        return true;
      }
    }
    return false;
  }

  static double right(Bounds b) {
    return b.getX() + b.getWidth();
  }

  static double bottom(Bounds b) {
    return b.getY() + b.getHeight();
  }

  /** The insides overlap (touching borders do not). */
  static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < right(b) && b.getX() < right(a) && a.getY() < bottom(b) && b.getY() < bottom(a);
  }

  static double distanceToBorder(Bounds b, double x, double y) {
    double dx = Math.max(Math.max(b.getX() - x, 0), x - right(b));
    double dy = Math.max(Math.max(b.getY() - y, 0), y - bottom(b));
    if (dx > 0 || dy > 0) {
      return Math.hypot(dx, dy);
    }
    return Math.min(Math.min(x - b.getX(), right(b) - x), Math.min(y - b.getY(), bottom(b) - y));
  }

  /** A segment enters the rectangle's inside, inset px in from its border (so edges along a border pass). */
  static boolean segmentCrossesInside(Waypoint p, Waypoint q, Bounds b) {
    return segmentCrossesInside(p, q, b, 3);
  }

  static boolean segmentCrossesInside(Waypoint p, Waypoint q, Bounds b, double inset) {
    double minX = b.getX() + inset;
    double maxX = right(b) - inset;
    double minY = b.getY() + inset;
    double maxY = bottom(b) - inset;
    double t0 = 0;
    double t1 = 1;
    double dx = q.getX() - p.getX();
    double dy = q.getY() - p.getY();
    double[] ps = {-dx, dx, -dy, dy};
    double[] qs = {p.getX() - minX, maxX - p.getX(), p.getY() - minY, maxY - p.getY()};
    for (int i = 0; i < 4; i++) {
      if (ps[i] == 0) {
        if (qs[i] < 0) {
          return false;
        }
      } else {
        double t = qs[i] / ps[i];
        if (ps[i] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    return t0 < t1;
  }

  static double distance(Bounds a, Bounds b) {
    double dx = Math.max(0, Math.max(a.getX() - right(b), b.getX() - right(a)));
    double dy = Math.max(0, Math.max(a.getY() - bottom(b), b.getY() - bottom(a)));
    return Math.hypot(dx, dy);
  }

  /** From a label's rectangle to a segment: sampled along the segment, fine for labels. */
  static double distance(Bounds label, Waypoint p, Waypoint q) {
    double nearest = Double.MAX_VALUE;
    for (int i = 0; i <= 100; i++) {
      double x = p.getX() + (q.getX() - p.getX()) * i / 100;
      double y = p.getY() + (q.getY() - p.getY()) * i / 100;
      double dx = Math.max(Math.max(label.getX() - x, 0), x - right(label));
      double dy = Math.max(Math.max(label.getY() - y, 0), y - bottom(label));
      nearest = Math.min(nearest, Math.hypot(dx, dy));
    }
    return nearest;
  }

  static String describe(Bounds b) {
    return "[" + Math.round(b.getX()) + "," + Math.round(b.getY()) + " " + Math.round(b.getWidth()) + "×"
        + Math.round(b.getHeight()) + "]";
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
