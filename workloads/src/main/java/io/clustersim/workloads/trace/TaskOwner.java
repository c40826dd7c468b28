package io.clustersim.workloads.trace;

/**
 * Who a task belongs to, as far as the trace says: what {@link GroupBy} maps to frameworks and
 * roles. Fields a format does not record are null (strings) or -1 (numbers).
 *
 * @param job job or collection id
 * @param user (hashed) user, or null
 * @param priority priority, or -1
 * @param schedulingClass scheduling class (latency sensitivity), or -1
 * @param qos quality-of-service class (GPU 2023 pods), or null
 */
public record TaskOwner(String job, String user, int priority, int schedulingClass, String qos) {}
