package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_MANAGER;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_REGION;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.salesimport.TextEncoding;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.StaffDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/satisfaction-evaluations}: request an evaluation with the survey file (multipart:
 * {@code file} plus {@code scopeType} MANAGER|REGION, {@code scopeId}, {@code periodFrom},
 * {@code periodTo}; the CSV in UTF-8 with or without BOM, or GBK) — every row is checked first and
 * a refused survey answers 400 with each problem and its row, writing nothing and starting
 * nothing; read one evaluation (scoped by {@link SatisfactionAccess}). {@code /api/satisfaction/index}:
 * the index history of a customer manager or a region with its chart.
 */
@RestController
public class SatisfactionController {

  /** A refused survey: the message and each problem with its row (0 = the request or the whole file). */
  public record Refusal(int status, String message, List<SurveyCsv.Problem> problems) {}

  public record Requested(String evaluationNo, String processInstanceId, long surveyId, String encoding,
                          List<SatisfactionRepository.IndexRow> index) {}

  public record Evaluation(SatisfactionRepository.Survey survey, String previousEvaluation, String nextEvaluation,
                           List<SatisfactionRepository.IndexRow> index, List<SatisfactionRepository.Plan> plans,
                           List<SatisfactionRepository.Response> responses) {}

  public record Period(String evaluationNo, LocalDate periodFrom, LocalDate periodTo, int respondents, BigDecimal index,
                       BigDecimal previousIndex, BigDecimal delta, String comparison, BigDecimal target,
                       LocalDate targetDate, String planStatus, Boolean targetReached) {}

  public record History(String scopeType, String scopeId, String name, List<Period> periods) {}

  /** The largest survey file accepted, checked on the declared size before the file is read. */
  static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

  public record FollowedUp(String evaluationNo, String nextEvaluationNo, String encoding) {}

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final SurveyIntake intake;
  private final SatisfactionRepository repository;
  private final SatisfactionAccess access;
  private final SatisfactionChart chart;
  private final StaffDirectory staff;
  private final CurrentUser currentUser;

  public SatisfactionController(RuntimeService runtimeService, TaskService taskService, SurveyIntake intake,
                                SatisfactionRepository repository, SatisfactionAccess access, SatisfactionChart chart,
                                StaffDirectory staff, CurrentUser currentUser) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.intake = intake;
    this.repository = repository;
    this.access = access;
    this.chart = chart;
    this.staff = staff;
    this.currentUser = currentUser;
  }

  @PostMapping(path = "/api/satisfaction-evaluations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Requested> request(@RequestParam(name = "file", required = false) MultipartFile file,
                                           @RequestParam(name = "scopeType", required = false) String scopeType,
                                           @RequestParam(name = "scopeId", required = false) String scopeId,
                                           @RequestParam(name = "periodFrom", required = false) String periodFrom,
                                           @RequestParam(name = "periodTo", required = false) String periodTo) {
    String userId = currentUser.requireUserId();
    List<SurveyCsv.Problem> problems = new ArrayList<>();
    LocalDate from = date(periodFrom, "調查期間開始日 periodFrom", problems);
    LocalDate to = date(periodTo, "調查期間結束日 periodTo", problems);
    String type = scopeType == null ? "" : scopeType.strip().toUpperCase(Locale.ROOT);
    String id = scopeId == null ? "" : scopeId.strip();
    if (type.equals(SCOPE_REGION)) {
      id = id.toUpperCase(Locale.ROOT);
    }
    intake.authorize(userId, currentUser.groups(), type, id);
    Decoded text = decode(file);
    if (!problems.isEmpty()) {
      throw new SurveyIntake.Rejected(problems);
    }
    intake.check(new SurveyIntake.Request(type, id, from, to, text.text()));

    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.SCOPE_TYPE, type);
    variables.put(Var.SCOPE_ID, id);
    variables.put(Var.PERIOD_FROM, from.toString());
    variables.put(Var.PERIOD_TO, to.toString());
    // transient: the survey goes into its tables; as an ordinary variable a survey of a few hundred
    // customers would overflow the engine's 4,000-character variable and history columns
    variables.put(Var.SURVEY_CSV, org.camunda.bpm.engine.variable.Variables.stringValue(text.text(), true));
    variables.put(Var.SURVEY_FILE_NAME, file.getOriginalFilename() == null ? "survey.csv" : file.getOriginalFilename());
    variables.put(Var.SURVEY_ENCODING, text.encoding());
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(SatisfactionImprovementProcess.PROCESS_KEY, variables);
    SatisfactionRepository.Survey survey = repository.ofProcessInstance(pi.getId());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Requested(survey.businessKey(), pi.getId(), survey.id(),
        text.encoding(), repository.indexRows(survey.id())));
  }

  /**
   * The follow-up survey as a file (multipart: {@code file}, {@code periodFrom}, {@code periodTo}):
   * completes the evaluation's follow-up task with the file's text, checked as the form's; the
   * answer names the next evaluation. Only whoever may work on the follow-up task.
   */
  @PostMapping(path = "/api/satisfaction-evaluations/{evaluationNo}/follow-up",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<FollowedUp> followUp(@PathVariable String evaluationNo,
                                             @RequestParam(name = "file", required = false) MultipartFile file,
                                             @RequestParam(name = "periodFrom", required = false) String periodFrom,
                                             @RequestParam(name = "periodTo", required = false) String periodTo) {
    currentUser.requireUserId();
    SatisfactionRepository.Survey survey = repository.survey(evaluationNo).filter(access::mayRead)
        .orElseThrow(() -> new NoSuchElementException("滿意度測評 " + evaluationNo + " 不存在 / no such evaluation"));
    Task task = taskService.createTaskQuery().processInstanceId(survey.processInstanceId() == null ? "-"
        : survey.processInstanceId()).taskDefinitionKey(SatisfactionImprovementProcess.Element.LOAD_FOLLOW_UP)
        .singleResult();
    if (task == null) {
      throw InvalidInput.atStart("測評 " + evaluationNo + " 沒有待登記的隨訪調查 / evaluation " + evaluationNo
          + " has no follow-up survey to load (not yet due, already loaded, or not yours)");
    }
    List<SurveyCsv.Problem> problems = new ArrayList<>();
    LocalDate from = date(periodFrom, "隨訪調查期間開始日 periodFrom", problems);
    LocalDate to = date(periodTo, "隨訪調查期間結束日 periodTo", problems);
    Decoded text = decode(file);
    if (!problems.isEmpty()) {
      throw new SurveyIntake.Rejected(problems);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.FOLLOW_UP_PERIOD_FROM, from.toString());
    variables.put(Var.FOLLOW_UP_PERIOD_TO, to.toString());
    variables.put(Var.FOLLOW_UP_CSV, org.camunda.bpm.engine.variable.Variables.stringValue(text.text(), true));
    taskService.complete(task.getId(), variables);
    String next = repository.followUpOf(survey.id()).map(SatisfactionRepository.Survey::businessKey).orElse(null);
    return ResponseEntity.status(HttpStatus.CREATED).body(new FollowedUp(evaluationNo, next, text.encoding()));
  }

  @GetMapping("/api/satisfaction-evaluations/{evaluationNo}")
  public Evaluation get(@PathVariable String evaluationNo) {
    SatisfactionRepository.Survey survey = repository.survey(evaluationNo).filter(access::mayRead)
        .orElseThrow(() -> new NoSuchElementException("滿意度測評 " + evaluationNo + " 不存在 / no such evaluation"));
    String userId = currentUser.requireUserId();
    List<SatisfactionRepository.Response> responses = repository.responses(survey.id());
    List<SatisfactionRepository.IndexRow> index = repository.indexRows(survey.id());
    List<SatisfactionRepository.Plan> plans = repository.plans(survey.id());
    if (access.ownPartOnly(survey)) {
      // a customer manager reads their own plan, index and customers' answers, and the scope's index
      responses = responses.stream().filter(r -> userId.equals(r.managerId())).toList();
      plans = plans.stream().filter(p -> userId.equals(p.managerId())).toList();
      index = index.stream().filter(r -> r.scopeType().equals(survey.scopeType()) && r.scopeId().equals(survey.scopeId())
          || r.scopeType().equals(SCOPE_MANAGER) && r.scopeId().equals(userId)).toList();
    }
    String previous = survey.followsSurveyId() == null ? null
        : repository.survey(survey.followsSurveyId()).map(SatisfactionRepository.Survey::businessKey).orElse(null);
    String next = repository.followUpOf(survey.id()).map(SatisfactionRepository.Survey::businessKey).orElse(null);
    return new Evaluation(survey, previous, next, index, plans, responses);
  }

  @GetMapping("/api/satisfaction/index")
  public History history(@RequestParam(required = false) String managerId,
                         @RequestParam(required = false) String regionCode) {
    String[] scope = scope(managerId, regionCode);
    access.requireHistory(scope[0], scope[1]);
    List<Period> periods = repository.history(scope[0], scope[1]).stream().map(r -> new Period(r.businessKey(),
        r.periodFrom(), r.periodTo(), r.respondents(), r.index(), r.previousIndex(), r.delta(),
        r.previousIndex() == null ? "無上期測評 / no previous period"
            : (r.delta().signum() > 0 ? "+" : "") + r.delta().toPlainString(),
        r.target(), r.targetDate(), r.planStatus(), r.targetReached())).toList();
    return new History(scope[0], scope[1], name(scope[0], scope[1]), periods);
  }

  @GetMapping("/api/satisfaction/index/chart.png")
  public ResponseEntity<byte[]> chart(@RequestParam(required = false) String managerId,
                                      @RequestParam(required = false) String regionCode) {
    String[] scope = scope(managerId, regionCode);
    access.requireHistory(scope[0], scope[1]);
    byte[] png = chart.png("客戶滿意度指數:" + name(scope[0], scope[1]), repository.history(scope[0], scope[1]));
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore().cachePrivate())
        .body(png);
  }

  @ExceptionHandler(SurveyIntake.Rejected.class)
  public ResponseEntity<Refusal> rejected(SurveyIntake.Rejected e) {
    return ResponseEntity.badRequest().body(new Refusal(400, "調查結果未登記,請改正後重新提交 / the survey was not loaded:\n"
        + e.getMessage(), e.problems()));
  }

  @ExceptionHandler(InvalidInput.class)
  public ResponseEntity<Refusal> invalid(InvalidInput e) {
    return ResponseEntity.badRequest().body(new Refusal(400, e.getMessage(), List.of()));
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<Refusal> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Refusal(403,
        "無權要求滿意度測評 / not authorized to request a satisfaction evaluation", List.of()));
  }

  private String[] scope(String managerId, String regionCode) {
    boolean manager = managerId != null && !managerId.isBlank();
    boolean region = regionCode != null && !regionCode.isBlank();
    if (manager == region) {
      throw new IllegalArgumentException("請指定 managerId 或 regionCode 其中之一 / give either managerId or regionCode");
    }
    return manager ? new String[] {SCOPE_MANAGER, managerId.strip()}
        : new String[] {SCOPE_REGION, regionCode.strip().toUpperCase(Locale.ROOT)};
  }

  private String name(String scopeType, String scopeId) {
    if (scopeType.equals(SCOPE_MANAGER)) {
      return staff.find(scopeId).map(s -> s.name() + "(" + scopeId + ")").orElse(scopeId);
    }
    return repository.regionName(scopeId).map(n -> n + "(" + scopeId + ")").orElse(scopeId);
  }

  private static LocalDate date(String text, String label, List<SurveyCsv.Problem> problems) {
    if (text == null || text.isBlank()) {
      problems.add(new SurveyCsv.Problem(0, "請填寫" + label + " / " + label + " is required"));
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(new SurveyCsv.Problem(0, label + " 不是日期 yyyy-MM-dd:「" + text + "」/ not a date"));
      return null;
    }
  }

  private record Decoded(String text, String encoding) {}

  /** The file's text: UTF-8 (with or without BOM) or GBK/GB18030, detected as the data import does. */
  private static Decoded decode(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return new Decoded("", "UTF-8");
    }
    if (file.getSize() > MAX_UPLOAD_BYTES) {
      throw new SurveyIntake.Rejected(List.of(new SurveyCsv.Problem(0, "文件過大:" + file.getSize() + " 字節,最多 "
          + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB / the file is too large (" + file.getSize() + " bytes, at most "
          + MAX_UPLOAD_BYTES + ")")));
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile("satisfaction-", ".csv");
      file.transferTo(tmp);
      TextEncoding encoding = TextEncoding.detect(tmp);
      byte[] bytes = Files.readAllBytes(tmp);
      int skip = encoding.bom() ? 3 : 0;
      String text = encoding.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
      return new Decoded(text, encoding.label());
    } catch (CharacterCodingException e) {
      throw new SurveyIntake.Rejected(List.of(new SurveyCsv.Problem(0,
          "文件不是 UTF-8 或 GBK 編碼的文本 / the file is neither UTF-8 nor GBK text")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file left behind is removed by the system
        }
      }
    }
  }
}
