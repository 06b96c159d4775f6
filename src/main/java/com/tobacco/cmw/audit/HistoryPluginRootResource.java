package com.tobacco.cmw.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.StdDateFormat;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.AccessDeniedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's read-only REST resource: every method is a GET, answers JSON (or SVG for the
 * diagram) and delegates to {@link AuditHistory}, which checks who asks. Runs inside Cockpit's
 * JAX-RS application, so the Spring bean is looked up from the servlet context.
 */
@Path("plugin/" + HistoryPlugin.ID)
public class HistoryPluginRootResource extends AbstractCockpitPluginRootResource {

  /** The one engine of this application. */
  static final String ENGINE = "default";
  static final String SVG = "image/svg+xml;charset=UTF-8";
  private static final Logger log = LoggerFactory.getLogger(HistoryPluginRootResource.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setDateFormat(new StdDateFormat().withColonInTimeZone(true));

  public HistoryPluginRootResource() {
    super(HistoryPlugin.ID);
  }

  @GET
  @Path("{engine}/definitions")
  public Response definitions(@PathParam("engine") String engine) {
    return json(engine, () -> history().definitions());
  }

  @GET
  @Path("{engine}/instances")
  public Response instances(@PathParam("engine") String engine,
                            @QueryParam("definitionKey") String definitionKey,
                            @QueryParam("businessKey") String businessKey,
                            @QueryParam("customer") String customer,
                            @QueryParam("startedFrom") String startedFrom,
                            @QueryParam("startedTo") String startedTo,
                            @QueryParam("state") String state,
                            @QueryParam("firstResult") Integer firstResult,
                            @QueryParam("maxResults") Integer maxResults) {
    return json(engine, () -> history().search(new AuditHistory.Search(definitionKey, businessKey, customer,
        startedFrom, startedTo, state, firstResult, maxResults)));
  }

  @GET
  @Path("{engine}/instances/{id}")
  public Response instance(@PathParam("engine") String engine, @PathParam("id") String id) {
    return json(engine, () -> history().record(id));
  }

  @GET
  @Path("{engine}/instances/{id}/diagram")
  public Response diagram(@PathParam("engine") String engine, @PathParam("id") String id) {
    return answer(engine, () -> Response.ok(history().diagram(id), SVG).build());
  }

  private AuditHistory history() {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(AuditHistory.class);
  }

  private Response json(String engine, Supplier<Object> body) {
    return answer(engine, () -> {
      try {
        return Response.ok(JSON.writeValueAsString(body.get()), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
            .build();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Business refusals as status and a message the page shows; anything else stays a server error. */
  private Response answer(String engine, Supplier<Response> action) {
    if (!ENGINE.equals(engine)) {
      return error(Response.Status.NOT_FOUND, "未知的流程引擎 " + engine + " / unknown engine");
    }
    try {
      return action.get();
    } catch (AccessDeniedException | AuthorizationException e) {
      return error(Response.Status.FORBIDDEN, e.getMessage());
    } catch (AuditHistory.UnknownInstance e) {
      return error(Response.Status.NOT_FOUND, e.getMessage());
    } catch (InvalidInput e) {
      return error(Response.Status.BAD_REQUEST, e.getMessage());
    } catch (RuntimeException e) {
      // an engine or database message may name tables or ids: logged with a reference, not shown
      String reference = UUID.randomUUID().toString().substring(0, 8);
      log.error("History plugin request failed, reference {}", reference, e);
      return error(Response.Status.INTERNAL_SERVER_ERROR, "查詢失敗,請把編號 " + reference
          + " 告訴系統管理員 / the query failed; give the administrator the reference " + reference);
    }
  }

  private static Response error(Response.Status status, String message) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(JSON.writeValueAsString(Map.of("type", status.name(), "message", message))).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
