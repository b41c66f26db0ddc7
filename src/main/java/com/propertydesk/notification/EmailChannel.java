package com.propertydesk.notification;

import com.propertydesk.identity.StaffDirectory;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail to the members of the notified groups who have an address. */
@Component
public class EmailChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;
    private final StaffDirectory staff;

    public EmailChannel(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties,
            StaffDirectory staff) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.staff = staff;
    }

    @Override
    public Notification.Channel type() {
        return Notification.Channel.EMAIL;
    }

    @Override
    public boolean enabled() {
        return properties.email().enabled() && mailSender.getIfAvailable() != null;
    }

    @Override
    public void send(Notification notice) {
        List<String> to = Arrays.stream(notice.getRecipients().split(",")).map(String::strip)
                .flatMap(group -> staff.emailsOf(group).stream()).distinct().toList();
        if (to.isEmpty()) {
            LOG.warn("Notice {} of ticket {}: nobody in {} has an e-mail address", notice.getId(),
                    notice.getTicketNo(), notice.getRecipients());
            return;
        }
        JavaMailSender sender = mailSender.getObject();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, "UTF-8");
            mail.setFrom(properties.email().from());
            mail.setTo(to.toArray(String[]::new));
            mail.setSubject(notice.getSubject());
            mail.setText(notice.getBody() == null ? notice.getSubject() : notice.getBody());
            message.setHeader("X-PropertyDesk-Notification", String.valueOf(notice.getId()));
            sender.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot compose the e-mail for notice " + notice.getId(), e);
        }
    }
}
