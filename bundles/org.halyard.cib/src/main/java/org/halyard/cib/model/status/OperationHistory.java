package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <lrm_rsc_op>}: one recorded operation (the last of its kind): what ran, when, with which
 * result ({@code rc-code}, {@code op-status}) and with which parameter digests.
 */
@XmlRootElement(name = "lrm_rsc_op")
public class OperationHistory extends CibElement {

    @XmlAttribute(name = "operation_key")
    private String operationKey;

    @XmlAttribute(name = "operation")
    private String operation;

    @XmlAttribute(name = "crm-debug-origin")
    private String crmDebugOrigin;

    @XmlAttribute(name = "crm_feature_set")
    private String crmFeatureSet;

    @XmlAttribute(name = "transition-key")
    private String transitionKey;

    @XmlAttribute(name = "transition-magic")
    private String transitionMagic;

    @XmlAttribute(name = "exit-reason")
    private String exitReason;

    @XmlAttribute(name = "on_node")
    private String onNode;

    @XmlAttribute(name = "call-id")
    private String callId;

    @XmlAttribute(name = "rc-code")
    private String rcCode;

    @XmlAttribute(name = "op-status")
    private String opStatus;

    @XmlAttribute(name = "interval")
    private String interval;

    @XmlAttribute(name = "last-rc-change")
    private String lastRcChange;

    @XmlAttribute(name = "last-run")
    private String lastRun;

    @XmlAttribute(name = "exec-time")
    private String execTime;

    @XmlAttribute(name = "queue-time")
    private String queueTime;

    @XmlAttribute(name = "op-digest")
    private String opDigest;

    @XmlAttribute(name = "op-force-restart")
    private String opForceRestart;

    @XmlAttribute(name = "op-restart-digest")
    private String opRestartDigest;

    @XmlAttribute(name = "op-secure-params")
    private String opSecureParams;

    @XmlAttribute(name = "op-secure-digest")
    private String opSecureDigest;

    @XmlAttribute(name = "migrate_source")
    private String migrateSource;

    @XmlAttribute(name = "migrate_target")
    private String migrateTarget;

    public String getOperationKey() {
        return operationKey;
    }

    public void setOperationKey(String operationKey) {
        this.operationKey = operationKey;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getCrmDebugOrigin() {
        return crmDebugOrigin;
    }

    public void setCrmDebugOrigin(String crmDebugOrigin) {
        this.crmDebugOrigin = crmDebugOrigin;
    }

    public String getCrmFeatureSet() {
        return crmFeatureSet;
    }

    public void setCrmFeatureSet(String crmFeatureSet) {
        this.crmFeatureSet = crmFeatureSet;
    }

    public String getTransitionKey() {
        return transitionKey;
    }

    public void setTransitionKey(String transitionKey) {
        this.transitionKey = transitionKey;
    }

    public String getTransitionMagic() {
        return transitionMagic;
    }

    public void setTransitionMagic(String transitionMagic) {
        this.transitionMagic = transitionMagic;
    }

    public String getExitReason() {
        return exitReason;
    }

    public void setExitReason(String exitReason) {
        this.exitReason = exitReason;
    }

    public String getOnNode() {
        return onNode;
    }

    public void setOnNode(String onNode) {
        this.onNode = onNode;
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }

    public String getRcCode() {
        return rcCode;
    }

    public void setRcCode(String rcCode) {
        this.rcCode = rcCode;
    }

    public String getOpStatus() {
        return opStatus;
    }

    public void setOpStatus(String opStatus) {
        this.opStatus = opStatus;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getLastRcChange() {
        return lastRcChange;
    }

    public void setLastRcChange(String lastRcChange) {
        this.lastRcChange = lastRcChange;
    }

    public String getLastRun() {
        return lastRun;
    }

    public void setLastRun(String lastRun) {
        this.lastRun = lastRun;
    }

    public String getExecTime() {
        return execTime;
    }

    public void setExecTime(String execTime) {
        this.execTime = execTime;
    }

    public String getQueueTime() {
        return queueTime;
    }

    public void setQueueTime(String queueTime) {
        this.queueTime = queueTime;
    }

    public String getOpDigest() {
        return opDigest;
    }

    public void setOpDigest(String opDigest) {
        this.opDigest = opDigest;
    }

    public String getOpForceRestart() {
        return opForceRestart;
    }

    public void setOpForceRestart(String opForceRestart) {
        this.opForceRestart = opForceRestart;
    }

    public String getOpRestartDigest() {
        return opRestartDigest;
    }

    public void setOpRestartDigest(String opRestartDigest) {
        this.opRestartDigest = opRestartDigest;
    }

    public String getOpSecureParams() {
        return opSecureParams;
    }

    public void setOpSecureParams(String opSecureParams) {
        this.opSecureParams = opSecureParams;
    }

    public String getOpSecureDigest() {
        return opSecureDigest;
    }

    public void setOpSecureDigest(String opSecureDigest) {
        this.opSecureDigest = opSecureDigest;
    }

    public String getMigrateSource() {
        return migrateSource;
    }

    public void setMigrateSource(String migrateSource) {
        this.migrateSource = migrateSource;
    }

    public String getMigrateTarget() {
        return migrateTarget;
    }

    public void setMigrateTarget(String migrateTarget) {
        this.migrateTarget = migrateTarget;
    }
}
