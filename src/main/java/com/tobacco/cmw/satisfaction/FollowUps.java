package com.tobacco.cmw.satisfaction;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Hands the cycle being followed up to the next cycle's first step: the follow-up task starts
 * the new instance in its own transaction and thread, and the new instance's survey step links
 * itself to the previous survey only when called from there. A start variable could be given
 * by anyone starting the process over REST; this cannot.
 */
@Component
public class FollowUps {

  private final ThreadLocal<Long> following = new ThreadLocal<>();

  /** Runs {@code start} with {@code previousSurveyId} as the survey the started cycle follows up. */
  public <T> T following(long previousSurveyId, Supplier<T> start) {
    following.set(previousSurveyId);
    try {
      return start.get();
    } finally {
      following.remove();
    }
  }

  /** The survey being followed up, when a follow-up is starting in this thread. */
  public Optional<Long> current() {
    return Optional.ofNullable(following.get());
  }
}
