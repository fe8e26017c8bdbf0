package org.halyard.cib.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.halyard.cib.CibException;
import org.halyard.cib.CibVersion;
import org.halyard.cib.model.status.Status;

/**
 * The {@code <cib>} root: version attributes, {@link Configuration} and {@link Status}.
 */
@XmlRootElement(name = "cib")
public class Cib extends CibElement {

    @XmlAttribute(name = "admin_epoch")
    private String adminEpoch;
    @XmlAttribute(name = "epoch")
    private String epoch;
    @XmlAttribute(name = "num_updates")
    private String numUpdates;
    @XmlAttribute(name = "validate-with")
    private String validateWith;
    @XmlAttribute(name = "crm_feature_set")
    private String crmFeatureSet;
    @XmlAttribute(name = "remote-tls-port")
    private String remoteTlsPort;
    @XmlAttribute(name = "remote-clear-port")
    private String remoteClearPort;
    @XmlAttribute(name = "have-quorum")
    private String haveQuorum;
    @XmlAttribute(name = "dc-uuid")
    private String dcUuid;
    @XmlAttribute(name = "cib-last-written")
    private String cibLastWritten;
    @XmlAttribute(name = "no-quorum-panic")
    private String noQuorumPanic;
    @XmlAttribute(name = "update-origin")
    private String updateOrigin;
    @XmlAttribute(name = "update-client")
    private String updateClient;
    @XmlAttribute(name = "update-user")
    private String updateUser;
    @XmlAttribute(name = "execution-date")
    private String executionDate;

    // Comments and processing instructions before and after the root element.
    @XmlTransient
    private final List<Object> prolog = new ArrayList<>();
    @XmlTransient
    private final List<Object> epilog = new ArrayList<>();

    /** A CIB at version 0.0.0 with an empty configuration and status. */
    public static Cib empty() {
        Cib cib = new Cib();
        cib.setVersion(new CibVersion(0, 0, 0));
        cib.setValidateWith("pacemaker-3.9");
        cib.setConfiguration(Configuration.empty());
        cib.setStatus(new Status());
        return cib;
    }

    /**
     * The CIB version from admin_epoch, epoch and num_updates.
     *
     * @throws CibException if one of them is missing or not a non-negative integer
     */
    public CibVersion version() {
        return new CibVersion(versionPart("admin_epoch", adminEpoch), versionPart("epoch", epoch),
                versionPart("num_updates", numUpdates));
    }

    public void setVersion(CibVersion version) {
        adminEpoch = Long.toString(version.adminEpoch());
        epoch = Long.toString(version.epoch());
        numUpdates = Long.toString(version.numUpdates());
    }

    private long versionPart(String name, String value) {
        if (value == null) {
            throw versionError("<cib> has no " + name + " attribute");
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending value
        }
        throw versionError("<cib> " + name + "=\"" + value + "\" is not a non-negative integer");
    }

    private CibException versionError(String detail) {
        return position().map(at -> new CibException(at, detail))
                .orElseGet(() -> new CibException("<cib>", detail, null));
    }

    public Optional<Configuration> configuration() {
        return child(Configuration.class);
    }

    public void setConfiguration(Configuration configuration) {
        setChild(Configuration.class, configuration);
    }

    public Optional<Status> status() {
        return child(Status.class);
    }

    public void setStatus(Status status) {
        setChild(Status.class, status);
    }

    /** {@link XmlComment}s and {@link XmlProcessingInstruction}s before {@code <cib>}; live. */
    public List<Object> prolog() {
        return prolog;
    }

    /** {@link XmlComment}s and {@link XmlProcessingInstruction}s after {@code </cib>}; live. */
    public List<Object> epilog() {
        return epilog;
    }

    /** have-quorum as Pacemaker reads it (absent or unrecognised means false). */
    public boolean hasQuorum() {
        return CibValues.isTrue(haveQuorum);
    }

    public String getAdminEpoch() {
        return adminEpoch;
    }

    public void setAdminEpoch(String adminEpoch) {
        this.adminEpoch = adminEpoch;
    }

    public String getEpoch() {
        return epoch;
    }

    public void setEpoch(String epoch) {
        this.epoch = epoch;
    }

    public String getNumUpdates() {
        return numUpdates;
    }

    public void setNumUpdates(String numUpdates) {
        this.numUpdates = numUpdates;
    }

    public String getValidateWith() {
        return validateWith;
    }

    public void setValidateWith(String validateWith) {
        this.validateWith = validateWith;
    }

    public String getCrmFeatureSet() {
        return crmFeatureSet;
    }

    public void setCrmFeatureSet(String crmFeatureSet) {
        this.crmFeatureSet = crmFeatureSet;
    }

    public String getRemoteTlsPort() {
        return remoteTlsPort;
    }

    public void setRemoteTlsPort(String remoteTlsPort) {
        this.remoteTlsPort = remoteTlsPort;
    }

    public String getRemoteClearPort() {
        return remoteClearPort;
    }

    public void setRemoteClearPort(String remoteClearPort) {
        this.remoteClearPort = remoteClearPort;
    }

    public String getHaveQuorum() {
        return haveQuorum;
    }

    public void setHaveQuorum(String haveQuorum) {
        this.haveQuorum = haveQuorum;
    }

    public String getDcUuid() {
        return dcUuid;
    }

    public void setDcUuid(String dcUuid) {
        this.dcUuid = dcUuid;
    }

    public String getCibLastWritten() {
        return cibLastWritten;
    }

    public void setCibLastWritten(String cibLastWritten) {
        this.cibLastWritten = cibLastWritten;
    }

    public String getNoQuorumPanic() {
        return noQuorumPanic;
    }

    public void setNoQuorumPanic(String noQuorumPanic) {
        this.noQuorumPanic = noQuorumPanic;
    }

    public String getUpdateOrigin() {
        return updateOrigin;
    }

    public void setUpdateOrigin(String updateOrigin) {
        this.updateOrigin = updateOrigin;
    }

    public String getUpdateClient() {
        return updateClient;
    }

    public void setUpdateClient(String updateClient) {
        this.updateClient = updateClient;
    }

    public String getUpdateUser() {
        return updateUser;
    }

    public void setUpdateUser(String updateUser) {
        this.updateUser = updateUser;
    }

    public String getExecutionDate() {
        return executionDate;
    }

    public void setExecutionDate(String executionDate) {
        this.executionDate = executionDate;
    }
}
