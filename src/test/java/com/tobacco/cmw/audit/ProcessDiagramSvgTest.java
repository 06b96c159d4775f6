package com.tobacco.cmw.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The auditors' process diagram: every {@code processes/*.bpmn} renders to well-formed SVG with each
 * flow node and sequence flow and each name; one customer visit's history shows as classes, colours
 * and count badges; names are escaped; a model without DI says that it has no diagram.
 */
class ProcessDiagramSvgTest {

  static final Path FOLDER = Path.of("processes");

  /**
   * A customer visit that was reported twice (the check sent the report back once), is being
   * recorded with an incident, and got overdue on the way, so its escalation is running.
   */
  static final Map<String, Long> VISIT_COUNTS = Map.of(
      "StartEvent_RegularVisitPlanned", 1L,
      "Gateway_VisitRequested", 1L,
      "Task_OpenVisit", 1L,
      "Task_VisitCustomer", 2L,
      "Task_CheckVisitReport", 2L,
      "Task_RecordVisit", 1L,
      "BoundaryEvent_VisitOverdue", 1L,
      "Task_RecordVisitEscalation", 1L);
  static final Set<String> VISIT_RUNNING = Set.of("Task_RecordVisit", "Task_RecordVisitEscalation");
  static final Set<String> VISIT_INCIDENTS = Set.of("Task_RecordVisit");

  static BpmnModelInstance visitModel;
  static Map<String, List<Element>> visit;

  @BeforeAll
  static void renderVisit() {
    visitModel = read(FOLDER.resolve("customerVisit.bpmn"));
    visit = byElementId(parse(ProcessDiagramSvg.render(visitModel, VISIT_COUNTS, VISIT_RUNNING, VISIT_INCIDENTS)));
  }

  // ---------------------------------------------------------------- every diagram

  @TestFactory
  Stream<DynamicTest> everyDiagramRendersEveryElementAndName() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(FOLDER)) {
      files = list.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(files).as("BPMN files in " + FOLDER.toAbsolutePath()).isNotEmpty();
    return files.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
      BpmnModelInstance model = read(file);
      Document svg = parse(ProcessDiagramSvg.render(model, Map.of(), Set.of(), Set.of()));
      Element root = svg.getDocumentElement();
      Map<String, List<Element>> drawn = byElementId(svg);
      List<FlowElement> withDi = elementsWithDi(model);

      SoftAssertions softly = new SoftAssertions();
      softly.assertThat(root.getTagName()).isEqualTo("svg");
      softly.assertThat(root.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
      softly.assertThat(root.getAttribute("viewBox")).matches("-?[\\d.]+ -?[\\d.]+ [\\d.]+ [\\d.]+");
      softly.assertThat(root.getAttribute("font-family")).startsWith("'Noto Sans CJK SC'");
      softly.assertThat(childText(root, "title"))
          .isEqualTo(model.getModelElementsByType(Process.class).iterator().next().getName());
      softly.assertThat(drawn.keySet()).as("drawn elements")
          .containsExactlyInAnyOrderElementsOf(withDi.stream().map(FlowElement::getId).toList());
      for (FlowElement element : withDi) {
        List<Element> groups = drawn.getOrDefault(element.getId(), List.of());
        softly.assertThat(groups).as(element.getId()).hasSize(1);
        if (groups.size() != 1) {
          continue;
        }
        Element g = groups.get(0);
        softly.assertThat(g.getAttribute("class")).as(element.getId())
            .isEqualTo(element instanceof SequenceFlow ? "not-taken" : "not-run");
        String name = element.getName();
        if (name != null && !name.isBlank()) {
          softly.assertThat(childText(g, "title")).as(element.getId() + " title").startsWith(name.strip() + " (");
          softly.assertThat(withoutSpaces(childText(g, "text"))).as(element.getId() + " text")
              .isEqualTo(withoutSpaces(name));
        }
      }
      softly.assertThat(withDi).as("Chinese names")
          .anyMatch(e -> e.getName() != null && e.getName().codePoints().anyMatch(ProcessDiagramSvg::isWide));
      softly.assertAll();
    }));
  }

  // ---------------------------------------------------------------- one instance's history

  @ParameterizedTest(name = "{0}: {1}, badge {3}")
  @CsvSource(nullValues = "none", textBlock = """
      Task_OpenVisit,               done,     #2e7d32, 1
      Task_VisitCustomer,           done,     #2e7d32, 2
      Gateway_VisitRequested,       done,     #2e7d32, 1
      BoundaryEvent_VisitOverdue,   done,     #2e7d32, 1
      Task_RecordVisitEscalation,   running,  #1565c0, 1
      Task_RecordVisit,             incident, #c62828, 1
      Gateway_UnlicensedSellerSeen, not-run,  #9e9e9e, none
      Task_FollowUpOverdueVisit,    not-run,  #9e9e9e, none
      EndEvent_VisitDone,           not-run,  #9e9e9e, none
      """)
  void nodesShowTheirStateAndCount(String id, String cssClass, String stroke, String badge) {
    Element g = only(visit, id);
    assertThat(g.getAttribute("class")).isEqualTo(cssClass);
    assertThat(firstShape(g).getAttribute("stroke")).isEqualTo(stroke);
    Element pill = badge(g);
    if (badge == null) {
      assertThat(pill).as("badge").isNull();
    } else {
      assertThat(pill).as("badge").isNotNull();
      assertThat(pill.getTextContent()).isEqualTo(badge);
    }
    assertThat(childText(g, "title")).endsWith("(" + id + "): " + VISIT_COUNTS.getOrDefault(id, 0L) + "×");
  }

  @Test
  void nodesWithoutHistoryAreNotRun() {
    for (FlowElement element : elementsWithDi(visitModel)) {
      if (element instanceof FlowNode && !VISIT_COUNTS.containsKey(element.getId())) {
        Element g = only(visit, element.getId());
        assertThat(g.getAttribute("class")).as(element.getId()).isEqualTo("not-run");
        assertThat(badge(g)).as(element.getId() + " badge").isNull();
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(textBlock = """
      Flow_OpenToVisit,               taken,     #2e7d32
      Flow_CheckToRecord,             taken,     #2e7d32
      Flow_OverdueToRecordEscalation, taken,     #2e7d32
      Flow_RecordToSightingGateway,   not-taken, #9e9e9e
      Flow_EscalationToFollowUp,      not-taken, #9e9e9e
      Flow_SpecialToMerge,            not-taken, #9e9e9e
      """)
  void flowsBetweenReachedNodesAreTaken(String id, String cssClass, String stroke) {
    Element g = only(visit, id);
    assertThat(g.getAttribute("class")).isEqualTo(cssClass);
    Element line = (Element) g.getElementsByTagName("polyline").item(0);
    assertThat(line.getAttribute("stroke")).isEqualTo(stroke);
    assertThat(line.getAttribute("marker-end")).contains(cssClass.equals("taken") ? "arrow-taken" : "arrow");
    assertThat(line.getAttribute("points").split(" ")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void chineseNamesWrapByCharacterWidth() {
    // 14 characters of 12 px in a task 100 px wide: seven to a line.
    assertThat(tspans(only(visit, "Task_RecordVisit"))).containsExactly("登記訪問、簽到", "記錄與訂貨建議");
    assertThat(tspans(only(visit, "Task_OpenVisit"))).containsExactly("建立訪問記錄");
    // Eight characters in two even lines rather than seven and a lone one.
    assertThat(tspans(only(visit, "Task_ReportUnlicensedSeller"))).containsExactly("發起無證", "經營舉報");
    // The expression is not broken: the name is set a size smaller instead.
    assertThat(tspans(only(visit, "Task_VisitCustomer"))).containsExactly("拜訪客戶：", "${customerName}");
  }

  // ---------------------------------------------------------------- escaping and no diagram

  @Test
  void namesAreEscaped() {
    String processName = "流程 <&>\"' 'quoted'";
    String taskName = "審核 <&>\"' A&B <b>";
    BpmnModelInstance model = Bpmn.createExecutableProcess("escaping").name(processName)
        .startEvent("StartEvent_Go").name("開始 & <go>")
        .userTask("Task_Tricky").name(taskName)
        .endEvent("EndEvent_Done")
        .done();
    assertThat(model.getModelElementsByType(BpmnShape.class)).as("the fluent builder writes DI").isNotEmpty();

    String xml = ProcessDiagramSvg.render(model, Map.of("Task_Tricky", 3L), Set.of(), Set.of());
    Document svg = parse(xml);
    Map<String, List<Element>> drawn = byElementId(svg);
    Element task = only(drawn, "Task_Tricky");

    assertThat(xml).doesNotContain("<&>", "<b>");
    assertThat(childText(svg.getDocumentElement(), "title")).isEqualTo(processName);
    assertThat(childText(task, "title")).isEqualTo(taskName + " (Task_Tricky): 3×");
    assertThat(withoutSpaces(childText(task, "text"))).isEqualTo(withoutSpaces(taskName));
    assertThat(badge(task).getTextContent()).isEqualTo("3");
    assertThat(withoutSpaces(childText(only(drawn, "StartEvent_Go"), "text"))).isEqualTo("開始&<go>");
  }

  @Test
  void charactersXmlForbidsAreDropped() {
    assertThat(ProcessDiagramSvg.escape("a\u0007b\"'<")).isEqualTo("ab&quot;&#39;&lt;");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"no BPMNDiagram", "an empty plane"})
  void aModelWithoutDiSaysSo(String variant) {
    String diagram = variant.equals("an empty plane") ? """
        <bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="noDiagram" />
        </bpmndi:BPMNDiagram>""" : "";
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="Definitions_NoDi"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="noDiagram" name="無圖流程" isExecutable="true">
            <bpmn:startEvent id="StartEvent_Go" name="開始" />
          </bpmn:process>
          %s
        </bpmn:definitions>
        """.formatted(diagram);
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));

    Document svg = parse(ProcessDiagramSvg.render(model, Map.of("StartEvent_Go", 1L), Set.of(), Set.of()));

    assertThat(svg.getDocumentElement().getAttribute("class")).isEqualTo("no-diagram");
    assertThat(childText(svg.getDocumentElement(), "title")).isEqualTo("無圖流程");
    assertThat(childText(svg.getDocumentElement(), "text")).contains("no diagram");
    assertThat(byElementId(svg)).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  static BpmnModelInstance read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses the SVG; fails the test if it is not well-formed XML. */
  static Document parse(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + svg, e);
    }
  }

  /** The flow nodes and sequence flows that have a shape or edge in the diagram. */
  static List<FlowElement> elementsWithDi(BpmnModelInstance model) {
    List<FlowElement> elements = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() instanceof FlowNode node) {
        elements.add(node);
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() instanceof SequenceFlow flow) {
        elements.add(flow);
      }
    }
    return elements;
  }

  static Map<String, List<Element>> byElementId(Document svg) {
    Map<String, List<Element>> groups = new HashMap<>();
    NodeList all = svg.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (element.hasAttribute("data-element-id")) {
        groups.computeIfAbsent(element.getAttribute("data-element-id"), id -> new ArrayList<>()).add(element);
      }
    }
    return groups;
  }

  static Element only(Map<String, List<Element>> drawn, String id) {
    assertThat(drawn.get(id)).as(id).hasSize(1);
    return drawn.get(id).get(0);
  }

  static List<Element> children(Element parent, String tag) {
    List<Element> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && (tag == null || element.getTagName().equals(tag))) {
        children.add(element);
      }
    }
    return children;
  }

  /** The text of the element's own children of that tag (not the badge's), concatenated. */
  static String childText(Element parent, String tag) {
    return String.join("", children(parent, tag).stream().map(Node::getTextContent).toList());
  }

  static List<String> tspans(Element g) {
    return children(g, "text").stream().flatMap(text -> children(text, "tspan").stream())
        .map(Node::getTextContent).toList();
  }

  /** The outline of a node: its first rectangle, circle or diamond. */
  static Element firstShape(Element g) {
    return children(g, null).stream().filter(e -> Set.of("rect", "circle", "polygon").contains(e.getTagName()))
        .findFirst().orElseThrow();
  }

  static Element badge(Element g) {
    return children(g, "g").stream().filter(e -> e.getAttribute("class").equals("badge")).findFirst().orElse(null);
  }

  static String withoutSpaces(String text) {
    return text.replaceAll("\\s+", "");
  }
}
